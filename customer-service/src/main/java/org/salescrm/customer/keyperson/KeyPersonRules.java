package org.salescrm.customer.keyperson;

/** The value rules shared by the create and the edit of a key person. */
final class KeyPersonRules {

    static final String PHONE = "^\\+?[0-9][0-9 ()-]{5,30}$";
    static final String KP_TYPES = "^(DECISION_MAKER|RECOMMENDER|FACILITATOR|OTHER)$";
    static final String KP_TYPES_MESSAGE = "must be DECISION_MAKER, RECOMMENDER, FACILITATOR or OTHER";
    static final String BUYING_ROLES = "^(ECONOMIC_BUYER|TECHNICAL_BUYER|USER|COACH)$";
    static final String BUYING_ROLES_MESSAGE = "must be ECONOMIC_BUYER, TECHNICAL_BUYER, USER or COACH";
    static final String ATTITUDES = "^(SUPPORTER|NEUTRAL|OPPONENT)$";
    static final String ATTITUDES_MESSAGE = "must be SUPPORTER, NEUTRAL or OPPONENT";

    private KeyPersonRules() {
    }
}
