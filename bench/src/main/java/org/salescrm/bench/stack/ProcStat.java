package org.salescrm.bench.stack;

/** One /proc/&lt;pid&gt;/stat or /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat line: the command's name and its CPU ticks. */
public record ProcStat(String name, long userTicks, long systemTicks) {

    /**
     * The name sits in parentheses and may itself hold spaces or parentheses, so the fields are counted after the
     * last closing one: utime and stime are the 14th and 15th of the line.
     */
    public static ProcStat parse(String line) {
        int nameEnd = line.lastIndexOf(')');
        String[] fields = line.substring(nameEnd + 2).split(" ");
        return new ProcStat(line.substring(line.indexOf('(') + 1, nameEnd),
                Long.parseLong(fields[11]), Long.parseLong(fields[12]));
    }

    public long ticks() {
        return userTicks + systemTicks;
    }
}
