package org.salescrm.analytics.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salescrm.platform.problem.ProblemException;
import org.salescrm.platform.security.Caller;
import org.salescrm.platform.security.Role;

/** The pure rules of webhooks: back-off, signature, URL check, who may subscribe to what. */
class WebhookRulesTest {

    static final Instant NOW = Instant.parse("2026-11-16T02:00:00Z");

    @Test
    void backoffDoublesFromTheBaseUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

        assertThat(backoff.next(NOW, 1)).isEqualTo(NOW.plusSeconds(30));
        assertThat(backoff.next(NOW, 2)).isEqualTo(NOW.plusSeconds(60));
        assertThat(backoff.next(NOW, 3)).isEqualTo(NOW.plusSeconds(120));
        assertThat(backoff.next(NOW, 5)).isEqualTo(NOW.plusSeconds(480));
        assertThat(backoff.next(NOW, 6)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void dingTalkSignIsTheUrlEncodedBase64HmacOfTimestampNewlineSecret() {
        // From a shell: printf '%s\n%s' 1700000000000 SECabc123 | openssl dgst -sha256 -hmac SECabc123 -binary | base64
        assertThat(DingTalkSignature.sign("SECabc123", 1_700_000_000_000L))
                .isEqualTo("N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D");
        assertThat(DingTalkSignature.signed(java.net.URI.create("https://oapi.dingtalk.com/robot/send?access_token=t1"),
                "SECabc123", 1_700_000_000_000L)).hasToString("https://oapi.dingtalk.com/robot/send?access_token=t1"
                + "&timestamp=1700000000000&sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D");
        assertThat(DingTalkSignature.signed(java.net.URI.create("http://localhost:8089/robot"), "SECabc123",
                1_700_000_000_000L).getRawQuery()).startsWith("timestamp=1700000000000&sign=");
    }

    @Test
    void aMailSaysWhatADomainEventIsInTextAndEscapedHtml() {
        MessageContent content = MessageContent.of(new com.fasterxml.jackson.databind.ObjectMapper(), """
                {"specversion":"1.0","id":"e1","type":"crm.opportunity.won.v1","subject":"<opp-1>",
                 "time":"2026-11-16T02:00:00Z","data":{}}""");

        assertThat(content.title()).isEqualTo("crm.opportunity.won.v1");
        assertThat(MailMessages.text(content)).isEqualTo("""
                crm.opportunity.won.v1

                subject: <opp-1>
                time: 2026-11-16T02:00:00Z
                """);
        assertThat(MailMessages.html(content)).contains("<h3>crm.opportunity.won.v1</h3>")
                .contains("<li><strong>subject</strong>: &lt;opp-1&gt;</li>").doesNotContain("<opp-1>");
    }

    @Test
    void legacySignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.legacy("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.legacy("Jefe", "what do ya want for nothing!"))
                .isNotEqualTo(WebhookSignature.legacy("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void standardSignatureMatchesTheSchemesOwnExample() {
        // The Standard Webhooks specification's example: a whsec_ secret is the base64 of the key.
        assertThat(WebhookSignature.standard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void standardSignatureCoversIdAndTimestamp() {
        String signed = WebhookSignature.standard("a plain secret", "id-1", 1_800_000_000L, "{}");

        assertThat(signed).startsWith("v1,");
        assertThat(WebhookSignature.standard("a plain secret", "id-2", 1_800_000_000L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.standard("a plain secret", "id-1", 1_800_000_001L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.standard("another secret", "id-1", 1_800_000_000L, "{}")).isNotEqualTo(signed);
    }

    @Test
    void onlyPublicAddressesAreReachable() throws Exception {
        for (String refused : List.of("127.0.0.1", "127.9.9.9", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1",
                "172.31.255.255", "192.168.1.10", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1",
                "224.0.0.1", "ff02::1", "100.64.0.1", "0.1.2.3", "255.255.255.255", "::ffff:10.0.0.1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254")) {
            assertThat(PublicAddresses.isPublic(java.net.InetAddress.getByName(refused))).as(refused).isFalse();
        }
        for (String reachable : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888",
                "::ffff:8.8.8.8")) {
            assertThat(PublicAddresses.isPublic(java.net.InetAddress.getByName(reachable))).as(reachable).isTrue();
        }
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAndNoCredentialsPass() {
        HttpUrlValidator validator = new HttpUrlValidator();
        for (String good : List.of("https://hooks.example.com/crm", "http://localhost:8080/hook?x=1",
                "HTTPS://xn--fiqs8s.example.cn/hook", "https://hooks.example.com:65535/crm")) {
            assertThat(validator.isValid(good, null)).as(good).isTrue();
        }
        for (String bad : List.of("ftp://hooks.example.com", "hooks.example.com/crm", "/crm", "https://",
                "https://user:pw@hooks.example.com", "https://hooks.example.com/#frag", "not a url", "javascript:alert(1)",
                "http://localhost:99999/hook", "https://hooks.example.com:0/crm", "https://hooks.example.com:65536/")) {
            assertThat(validator.isValid(bad, null)).as(bad).isFalse();
        }
    }

    @Test
    void managerSubscribesOnlyTheirOwnTeams() {
        Caller manager = new Caller("mgr", Set.of(Role.MANAGER), "east", Set.of("east", "east-2"));

        assertThat(WebhookService.allowedTeams(List.of(" east ", "east-2", "east"), manager))
                .containsExactly("east", "east-2");
        assertThatThrownBy(() -> WebhookService.allowedTeams(List.of("east", "west"), manager))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThat(WebhookService.allowedTeams(List.of(), manager)).containsExactlyInAnyOrder("east", "east-2");
    }

    @Test
    void aManagerWithoutTeamsMustNameSome() {
        Caller manager = new Caller("mgr", Set.of(Role.MANAGER), null, Set.of());

        assertThatThrownBy(() -> WebhookService.allowedTeams(List.of(), manager))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.violations()).extracting("field").containsExactly("teams");
                });
    }

    @Test
    void adminSubscribesAnyTeamsOrAll() {
        Caller admin = new Caller("admin", Set.of(Role.ADMIN), null, Set.of());

        assertThat(WebhookService.allowedTeams(List.of("west"), admin)).containsExactly("west");
        assertThat(WebhookService.allowedTeams(null, admin)).isEmpty();
        assertThatThrownBy(() -> WebhookService.allowedTeams(Arrays.asList("west", null), admin))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.violations()).extracting("field").containsExactly("teams[1]"));
    }
}
