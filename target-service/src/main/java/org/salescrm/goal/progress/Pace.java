package org.salescrm.goal.progress;

/** Where the actual stands against where it should be by now, within the configured band. */
public enum Pace {
    AHEAD, ON_TRACK, BEHIND
}
