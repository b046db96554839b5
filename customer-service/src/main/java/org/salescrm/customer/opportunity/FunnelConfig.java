package org.salescrm.customer.opportunity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The funnel's stage evidence gates and default win probabilities ({@code crm.funnel.*}). */
@ConfigMapping(prefix = "crm.funnel")
public interface FunnelConfig {

    Gates gates();

    Probability probability();

    /** Each gate can be switched off, e.g. {@code crm.funnel.gates.project-budget=false}. */
    interface Gates {

        /** PROJECT or later needs a budget above zero. */
        @WithDefault("true")
        boolean projectBudget();

        /** ACKNOWLEDGED or later needs an active decision maker among the customer's key persons. */
        @WithDefault("true")
        boolean acknowledgedDecisionMaker();

        /** NEGOTIATION or later needs a quote amount. */
        @WithDefault("true")
        boolean negotiationQuote();

        /** WON needs the contract's signing date and the first payment's date. */
        @WithDefault("true")
        boolean wonContract();
    }

    /** Win probability in percent that an opportunity takes on entering each stage. */
    interface Probability {

        @WithDefault("5")
        int target();

        @WithDefault("10")
        int potential();

        @WithDefault("20")
        int intent();

        @WithDefault("40")
        int project();

        @WithDefault("60")
        int acknowledged();

        @WithDefault("80")
        int negotiation();

        @WithDefault("100")
        int won();

        default int of(Stage stage) {
            return switch (stage) {
                case TARGET -> target();
                case POTENTIAL -> potential();
                case INTENT -> intent();
                case PROJECT -> project();
                case ACKNOWLEDGED -> acknowledged();
                case NEGOTIATION -> negotiation();
                case WON -> won();
            };
        }
    }
}
