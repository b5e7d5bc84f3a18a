package org.takeitdown.portal.web.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values to WebDriver BiDi local values and BiDi remote values back, with the types classic WebDriver
 * returns: String, Long for whole numbers, Double, Boolean, List, Map, null. A DOM node comes back as a map
 * holding its {@code sharedId}.
 */
final class BidiValues {
    private BidiValues() {
    }

    static Object serialise(Object value) {
        if (value == null) {
            return Map.of("type", "null");
        }
        if (value instanceof String s) {
            return Map.of("type", "string", "value", s);
        }
        if (value instanceof Boolean b) {
            return Map.of("type", "boolean", "value", b);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return Map.of("type", "number", "value", "NaN");
            }
            if (Double.isInfinite(d)) {
                return Map.of("type", "number", "value", d > 0 ? "Infinity" : "-Infinity");
            }
            return Map.of("type", "number", "value", n);
        }
        if (value instanceof List<?> list) {
            return Map.of("type", "array", "value", list.stream().map(BidiValues::serialise).toList());
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(List.of(String.valueOf(k), serialise(v))));
            return Map.of("type", "object", "value", entries);
        }
        throw new IllegalArgumentException("cannot pass a " + value.getClass().getName() + " to a script");
    }

    static Object deserialise(JsonNode remote) {
        JsonNode value = remote.path("value");
        return switch (remote.path("type").asText()) {
            case "undefined", "null" -> null;
            case "string" -> value.asText();
            case "boolean" -> value.asBoolean();
            case "number" -> number(value);
            case "bigint" -> new java.math.BigInteger(value.asText());
            case "array", "set", "nodelist", "htmlcollection" -> {
                List<Object> out = new ArrayList<>();
                value.forEach(v -> out.add(deserialise(v)));
                yield out;
            }
            case "object", "map" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                value.forEach(pair -> {
                    JsonNode key = pair.get(0);
                    out.put(key.isTextual() ? key.asText() : String.valueOf(deserialise(key)), deserialise(pair.get(1)));
                });
                yield out;
            }
            case "node" -> Map.of("sharedId", remote.path("sharedId").asText());
            case "date", "regexp" -> value.isMissingNode() ? null : value.asText();
            default -> remote.path("type").asText();
        };
    }

    private static Object number(JsonNode value) {
        if (value.isTextual()) {
            return switch (value.asText()) {
                case "NaN" -> Double.NaN;
                case "-0" -> -0.0;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                default -> Double.NEGATIVE_INFINITY;
            };
        }
        double d = value.asDouble();
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return (long) d;
        }
        return d;
    }
}
