package org.salescrm.testsupport.http;

import java.util.Map;

/** One operation of a service's OpenAPI document: its method and path template ({@code /api/v1/visits/{id}}). */
public record ApiOperation(String method, String path) {

    /** The path with each {@code {name}} replaced by its value. */
    public String pathWith(Map<String, ?> values) {
        String result = path;
        for (Map.Entry<String, ?> value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        if (result.contains("{")) {
            throw new IllegalArgumentException("no value for a parameter of " + this + ": " + values.keySet());
        }
        return result;
    }

    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
