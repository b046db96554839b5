package org.salescrm.local;

/** Something the user can fix (a port taken, a missing build, a download): printed without a stack trace. */
final class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
