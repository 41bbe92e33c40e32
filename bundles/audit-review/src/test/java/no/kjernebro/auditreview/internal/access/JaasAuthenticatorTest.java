package no.kjernebro.auditreview.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import org.junit.jupiter.api.Test;

class JaasAuthenticatorTest {

    /** One realm, "testrealm", backed by {@link TestLoginModule}. */
    private static final Configuration REALMS = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            if (!name.equals("testrealm")) {
                return null;
            }
            return new AppConfigurationEntry[] {new AppConfigurationEntry(TestLoginModule.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())};
        }
    };

    @Test
    void rolesComeFromRolePrincipals() {
        Auditor auditor = new JaasAuthenticator("testrealm", REALMS).authenticate("auditor", "auditor".toCharArray())
                .orElseThrow();

        assertThat(auditor.name()).isEqualTo("auditor");
        assertThat(auditor.roles()).containsExactlyInAnyOrder("auditor", "viewer");
        assertThat(auditor.hasRole("auditor")).isTrue();
    }

    @Test
    void aUserWithOtherRolesLogsInWithoutTheAuditorRole() {
        Auditor admin = new JaasAuthenticator("testrealm", REALMS).authenticate("admin", "admin".toCharArray())
                .orElseThrow();

        assertThat(admin.hasRole("auditor")).isFalse();
    }

    @Test
    void wrongCredentialsGiveNobody() {
        JaasAuthenticator jaas = new JaasAuthenticator("testrealm", REALMS);

        assertThat(jaas.authenticate("auditor", "nope".toCharArray())).isEmpty();
        assertThat(jaas.authenticate("mallory", "auditor".toCharArray())).isEmpty();
    }

    @Test
    void aMissingRealmIsAConfigurationError() {
        assertThatThrownBy(() -> new JaasAuthenticator("nosuchrealm", REALMS).authenticate("a", "b".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nosuchrealm");
    }
}
