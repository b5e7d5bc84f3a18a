package org.takeitdown.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated server secret is stored while the application starts, before any request: a secret
 * made lazily by the first request could be lost with the answers that depended on it.
 */
@Tag("embedded")
@QuarkusTest
@TestProfile(ServerSecretAtStartTest.FreshDatabase.class)
class ServerSecretAtStartTest {
    /** An empty embedded database of its own, so no earlier test has stored a secret in it. */
    public static class FreshDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:secret-at-start;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void theSecretIsInTheDatabaseBeforeAnyRequest() {
        ServerSecret stored = QuarkusTransaction.requiringNew().call(() -> ServerSecret.<ServerSecret>findById(1));
        assertThat(stored).isNotNull();
        assertThat(stored.secret).hasSize(64);
    }
}
