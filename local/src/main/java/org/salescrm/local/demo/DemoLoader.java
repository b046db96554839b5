package org.salescrm.local.demo;

import java.io.PrintStream;

public final class DemoLoader {
    private final PrintStream out;

    public DemoLoader(PrintStream out) {
        this.out = out;
    }

    public void load() {
        out.println("[crm] demo data: TODO");
    }
}
