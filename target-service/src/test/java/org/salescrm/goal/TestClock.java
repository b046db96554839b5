package org.salescrm.goal;

import jakarta.inject.Singleton;
import org.salescrm.testsupport.MovableClock;

/** Replaces the platform's default clock bean in this module's tests. */
@Singleton
public class TestClock extends MovableClock {
}
