package org.salescrm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void chineseClientsReadChinese() {
        Locale locale = ProblemMessages.pick(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH));

        assertThat(ProblemMessages.format(locale, "not-found", "客户", "42")).isEqualTo("编号为 42 的客户不存在，或您无权查看。");
    }

    @Test
    void otherLanguagesReadEnglish() {
        Locale locale = ProblemMessages.pick(List.of(Locale.FRENCH));

        assertThat(ProblemMessages.format(locale, "title.forbidden")).isEqualTo("Forbidden");
    }

    @Test
    void firstKnownLanguageWins() {
        assertThat(ProblemMessages.pick(List.of(Locale.ENGLISH, Locale.CHINESE))).isEqualTo(Locale.ROOT);
        assertThat(ProblemMessages.pick(List.of(Locale.forLanguageTag("zh-TW")))).isEqualTo(ProblemMessages.CHINESE);
    }

    @Test
    void unknownKeyShowsAsItIs() {
        assertThat(ProblemMessages.format(Locale.ROOT, "no-such-key")).isEqualTo("no-such-key");
    }

    @Test
    void everyEnglishMessageHasAChineseOne() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/platform-problems.properties");
             var inZh = new java.io.InputStreamReader(getClass().getResourceAsStream("/platform-problems_zh_CN.properties"),
                     java.nio.charset.StandardCharsets.UTF_8)) {
            en.load(in);
            zh.load(inZh);
        }
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void validationPathsReadAsTheClientsFieldNames() {
        assertThat(ProblemExceptionMappers.fieldOf("create.request.name")).isEqualTo("name");
        assertThat(ProblemExceptionMappers.fieldOf("create.request.location.lat")).isEqualTo("location.lat");
        assertThat(ProblemExceptionMappers.fieldOf("list.limit")).isEqualTo("limit");
    }
}
