package org.salescrm.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the embedded servers' own INFO chatter (hundreds of lines per start) down to warnings.
 * <p>
 * Levels are set through java.util.logging, which Quarkus and its tests route to the JBoss LogManager that also
 * receives Kafka's SLF4J output. An application may still set them otherwise with {@code quarkus.log.category},
 * which Quarkus applies when the application starts, after the test resources.
 */
final class QuietLogging {

    // java.util.logging holds loggers weakly: a collected logger would forget the level set here.
    private static final List<Logger> KEPT = new CopyOnWriteArrayList<>();

    private QuietLogging() {
    }

    static void kafka() {
        warningsOnly("kafka", "org.apache.kafka", "state.change.logger");
        dropRestartRace();
    }

    static void postgres() {
        warningsOnly("io.zonky.test");
    }

    /**
     * On a restart the node's broker side may register before its controller side has taken over; Kafka logs that
     * at ERROR with a NotControllerException and simply retries. Other errors of that logger still show.
     */
    private static void dropRestartRace() {
        Logger controllerApis = Logger.getLogger("kafka.server.ControllerApis");
        if (controllerApis.getFilter() == null) {
            controllerApis.setFilter(record -> !causedByNotController(record.getThrown()));
            KEPT.add(controllerApis);
        }
    }

    private static boolean causedByNotController(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            // By name: the exception class may come from another class loader's copy of kafka-clients.
            if (cause.getClass().getSimpleName().equals("NotControllerException")) {
                return true;
            }
        }
        return false;
    }

    private static void warningsOnly(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                KEPT.add(logger);
            }
        }
    }
}
