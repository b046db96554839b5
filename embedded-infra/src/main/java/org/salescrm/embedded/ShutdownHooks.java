package org.salescrm.embedded;

/** Closes a server when the JVM exits, unless it was closed before. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    static Thread closeOnExit(String name, AutoCloseable server) {
        Thread hook = new Thread(() -> closeQuietly(server), name + "-shutdown");
        // The hook may run long after the class loader of whoever started the server was closed.
        hook.setContextClassLoader(server.getClass().getClassLoader());
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Forgets the hook once the server is closed, so that closed servers do not pile up until the JVM exits. */
    static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already exiting (this close may come from the hook itself): nothing to forget.
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // The JVM is exiting; there is nobody left to handle this but the console.
            e.printStackTrace();
        }
    }
}
