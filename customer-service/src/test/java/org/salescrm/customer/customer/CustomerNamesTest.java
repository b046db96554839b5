package org.salescrm.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerNamesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "杭州云杉科技有限公司|杭州云杉科技",
            "杭州 云杉科技 有限公司|杭州云杉科技",
            "杭州云杉科技股份有限公司|杭州云杉科技",
            "杭州云杉科技有限责任公司|杭州云杉科技",
            "杭州云杉科技公司|杭州云杉科技",
            "（杭州）云杉科技|杭州云杉科技",
            "ＡＣＭＥ Ｃｏ．， Ｌｔｄ．|acme",
            "Acme Co. Ltd.|acme",
            "ACME Inc.|acme",
            "Acme LLC|acme",
            "Acme-Tools Ltd.|acmetools"})
    void namesOfOneCompanyNormaliseAlike(String name, String normalised) {
        assertThat(CustomerNames.normalize(name)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} keeps its last word")
    @CsvSource({"公司", "Ltd."})
    void aNameThatIsOnlyALegalFormIsKept(String name) {
        assertThat(CustomerNames.normalize(name)).isNotEmpty();
    }

    @ParameterizedTest(name = "only one suffix goes from {0}")
    @CsvSource(delimiter = '|', value = {"云杉公司有限公司|云杉公司"})
    void onlyOneLegalFormIsRemoved(String name, String normalised) {
        assertThat(CustomerNames.normalize(name)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} dials {1}")
    @CsvSource(delimiter = '|', value = {"0571-8888 6666|057188886666", "(0571) 88886666|057188886666"})
    void phonesCompareByDigits(String phone, String digits) {
        assertThat(CustomerNames.normalizePhone(phone)).isEqualTo(digits);
    }
}
