package org.takeitdown.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final ClientAddress NO_PROXY = new ClientAddress(List.of(), 64);
    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.0/8", "2001:db8:ffff::1"), 64);

    @Test
    void withoutTrustedProxiesTheSocketAddressCountsAndForwardedForIsIgnored() {
        assertThat(NO_PROXY.resolve("192.0.2.1", List.of("203.0.113.9"))).isEqualTo("192.0.2.1");
    }

    @Test
    void forwardedForFromAPeerThatIsNotATrustedProxyIsIgnored() {
        assertThat(BEHIND_PROXIES.resolve("192.0.2.1", List.of("203.0.113.9, 10.0.0.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void takesTheAddressTheNearestTrustedProxySawNotTheClientWrittenLeftmostEntry() {
        // client wrote 203.0.113.9; proxy 10.0.0.2 saw 198.51.100.7 and appended it; proxy 10.0.0.1 appended 10.0.0.2.
        assertThat(BEHIND_PROXIES.resolve("10.0.0.1", List.of("203.0.113.9, 198.51.100.7, 10.0.0.2")))
                .isEqualTo("198.51.100.7");
        assertThat(BEHIND_PROXIES.resolve("10.0.0.1", List.of("203.0.113.9, 198.51.100.7", "10.0.0.2")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyWithoutForwardedForIsTheClient() {
        assertThat(BEHIND_PROXIES.resolve("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void anEntryThatIsNoAddressStopsTheWalkAtTheLastTrustedProxy() {
        assertThat(BEHIND_PROXIES.resolve("10.0.0.1", List.of("198.51.100.7, unknown"))).isEqualTo("10.0.0.1");
        assertThat(BEHIND_PROXIES.resolve("10.0.0.1", List.of("somehost.example, 10.0.0.3"))).isEqualTo("10.0.0.3");
    }

    @Test
    void readsPortsBracketsAndIpv4MappedAddresses() {
        assertThat(BEHIND_PROXIES.resolve("10.0.0.1", List.of("198.51.100.7:4711"))).isEqualTo("198.51.100.7");
        assertThat(BEHIND_PROXIES.resolve("::ffff:10.0.0.1", List.of("[2001:db8:1:2::5]:4711")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(NO_PROXY.resolve("::ffff:192.0.2.1", List.of())).isEqualTo("192.0.2.1");
        assertThat(BEHIND_PROXIES.resolve("2001:db8:ffff::1", List.of("192.0.2.8"))).isEqualTo("192.0.2.8");
    }

    @Test
    void bucketsIpv6AddressesByTheirLeadingBits() {
        assertThat(NO_PROXY.resolve("2001:db8:1:2:aaaa::1", List.of()))
                .isEqualTo(NO_PROXY.resolve("2001:db8:1:2:bbbb:cccc:dddd:eeee", List.of()))
                .isNotEqualTo(NO_PROXY.resolve("2001:db8:1:3::1", List.of()));
        ClientAddress by48 = new ClientAddress(List.of(), 48);
        assertThat(by48.resolve("2001:db8:1:2::1", List.of())).isEqualTo(by48.resolve("2001:db8:1:3::1", List.of()))
                .isEqualTo("2001:db8:1:0:0:0:0:0/48");
        assertThat(NO_PROXY.resolve("192.0.2.1", List.of())).isNotEqualTo(NO_PROXY.resolve("192.0.2.2", List.of()));
    }

    @Test
    void aLoopbackOrPrivatePeerSendingForwardedForWithoutBeingTrustedLooksLikeAnUnlistedProxy() {
        for (String peer : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "fd00::5", "fe80::1")) {
            assertThat(NO_PROXY.unlistedProxy(peer, List.of("203.0.113.9"))).as(peer).isTrue();
        }
        assertThat(BEHIND_PROXIES.unlistedProxy("192.168.1.1", List.of("203.0.113.9"))).isTrue();
    }

    @Test
    void aTrustedProxyAPublicPeerOrARequestWithoutForwardedForIsNoUnlistedProxy() {
        assertThat(BEHIND_PROXIES.unlistedProxy("10.0.0.1", List.of("203.0.113.9"))).isFalse();
        assertThat(NO_PROXY.unlistedProxy("192.0.2.1", List.of("203.0.113.9"))).isFalse();
        assertThat(NO_PROXY.unlistedProxy("2001:db8::1", List.of("203.0.113.9"))).isFalse();
        assertThat(NO_PROXY.unlistedProxy("127.0.0.1", List.of())).isFalse();
        assertThat(NO_PROXY.unlistedProxy("127.0.0.1", null)).isFalse();
    }

    @Test
    void refusesBadSettingsAtStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"), 64)).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"), 64)).hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new ClientAddress(List.of(), 0)).hasMessageContaining("ipv6-prefix");
    }
}
