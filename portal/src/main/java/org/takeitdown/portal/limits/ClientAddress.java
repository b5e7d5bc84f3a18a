package org.takeitdown.portal.limits;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The client address that keys in-memory limits: the socket peer's, or, when the peer is a trusted
 * proxy, the address the nearest trusted proxy saw — X-Forwarded-For walked from the right past the
 * trusted proxies, so entries a client wrote itself (on the left) are never believed. IPv4 addresses
 * count one by one; IPv6 addresses by their leading {@code ipv6-prefix} bits. No DNS look-up is made.
 */
@ApplicationScoped
public class ClientAddress {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int IPV4_MAPPED_PREFIX = 12;

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    private final List<Block> trusted;
    private final int ipv6Prefix;
    private final AtomicBoolean warnedOfUnlistedProxy = new AtomicBoolean();

    /** A CIDR block of trusted proxies. */
    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            return address.length == network.length && samePrefix(address, network, bits);
        }
    }

    @Inject
    public ClientAddress(LimitsConfig config) {
        this(config.trustedProxies().orElse(List.of()), config.ipv6Prefix());
    }

    ClientAddress(List<String> trustedProxies, int ipv6Prefix) {
        if (ipv6Prefix < 1 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("portal.limits.ipv6-prefix must be 1 to 128, not " + ipv6Prefix);
        }
        this.ipv6Prefix = ipv6Prefix;
        List<Block> blocks = new ArrayList<>();
        for (String cidr : trustedProxies) {
            blocks.add(block(cidr.trim()));
        }
        this.trusted = List.copyOf(blocks);
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("portal.limits.trusted-proxies: not an IP address or CIDR block: " + cidr);
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("portal.limits.trusted-proxies: bad prefix length in " + cidr);
            }
        }
        return new Block(network, bits);
    }

    /** The limits key of the client behind {@code request}. */
    public String of(HttpServerRequest request) {
        if (request == null) {
            return "";
        }
        // The connection's peer is the socket's even when Quarkus's own proxy forwarding is on.
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        String host = peer == null ? null : peer.hostAddress();
        List<String> forwardedFor = request.headers().getAll(FORWARDED_FOR);
        if (unlistedProxy(host, forwardedFor) && warnedOfUnlistedProxy.compareAndSet(false, true)) {
            LOG.warn("A request from a loopback or private address carries X-Forwarded-For, but that address is not "
                    + "in portal.limits.trusted-proxies: if it is your reverse proxy, every client behind it shares one "
                    + "set of limits, so a few wrong case keys from anyone lock out everyone. List the proxy there. "
                    + "(Said once; no address is logged.)");
        }
        return resolve(host, forwardedFor);
    }

    /**
     * Whether a peer at {@code peerHost} looks like a reverse proxy left out of the trusted ones: a loopback,
     * private (RFC 1918, RFC 4193) or link-local address, not trusted, sending X-Forwarded-For. A client on the
     * internet that writes the header itself is not one.
     */
    boolean unlistedProxy(String peerHost, List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty() || peerHost == null) {
            return false;
        }
        byte[] address = parse(peerHost);
        if (address == null || trusted(address)) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByAddress(address);
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                    || (address.length == 16 && (address[0] & 0xFE) == 0xFC);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The limits key for a socket peer {@code peerHost} and the request's X-Forwarded-For headers. */
    String resolve(String peerHost, List<String> forwardedFor) {
        byte[] address = peerHost == null ? null : parse(peerHost);
        if (address == null) {
            return peerHost == null ? "" : peerHost;
        }
        if (trusted(address) && forwardedFor != null && !forwardedFor.isEmpty()) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                hops.addAll(Arrays.asList(header.split(",")));
            }
            for (int i = hops.size() - 1; i >= 0 && trusted(address); i--) {
                byte[] seen = parse(hops.get(i).trim());
                if (seen == null) {
                    // A trusted proxy wrote something that is no address: keep the proxy's own.
                    break;
                }
                address = seen;
            }
        }
        return key(address);
    }

    private boolean trusted(byte[] address) {
        for (Block b : trusted) {
            if (b.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private String key(byte[] address) {
        if (address.length == 4) {
            return format(address);
        }
        byte[] masked = new byte[16];
        for (int bit = 0; bit < ipv6Prefix; bit++) {
            masked[bit / 8] |= (byte) (address[bit / 8] & (0x80 >> (bit % 8)));
        }
        return format(masked) + "/" + ipv6Prefix;
    }

    private static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An IP literal as 4 or 16 bytes (IPv4-mapped IPv6 as IPv4), or null. Takes the forms proxies
     * write: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711}.
     */
    static byte[] parse(String text) {
        String s = text;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return null;
            }
            s = s.substring(1, end);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        byte[] b = NetUtil.createByteArrayFromIpAddressString(s);
        if (b == null) {
            return null;
        }
        if (b.length == 16 && isIpv4Mapped(b)) {
            return Arrays.copyOfRange(b, IPV4_MAPPED_PREFIX, 16);
        }
        return b;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
