package org.salescrm.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Routes a static call to the copy of a class that the JVM's system class loader holds.
 * <p>
 * Quarkus loads test classes and test resources in class loaders of its own, one per application it starts, and
 * closes them when that application stops. Statics in those copies are neither shared between applications nor
 * safe to keep threads in. The system class loader's copy is one per JVM and lives as long as the JVM, so the
 * shared servers are kept there, reached through methods whose signatures use JDK types only.
 */
final class JvmWide {

    private JvmWide() {
    }

    static Object call(Class<?> owner, String method, Object... args) {
        Method target = method(home(owner), method);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka and the JDBC driver load classes by name through the context class loader: they must find the
        // home copies, not the caller's.
        thread.setContextClassLoader(target.getDeclaringClass().getClassLoader());
        try {
            return target.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw unchecked(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The system class loader's copy, or the caller's own when the system class loader cannot see this module. */
    static Class<?> home(Class<?> owner) {
        try {
            return Class.forName(owner.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return owner;
        }
    }

    private static Method method(Class<?> home, String name) {
        Method method = Arrays.stream(home.getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(home + " has no method " + name));
        method.setAccessible(true);
        return method;
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
