package org.takeitdown.portal.web;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The portal's Prometheus totals, as tests read them from {@code /q/metrics}. */
public final class Metrics {
    private Metrics() {
    }

    /** The sum of every series of {@code name} (all its tags) now. */
    public static double total(String name) {
        return total(given().get("/q/metrics").then().statusCode(200).extract().asString(), name);
    }

    /** The sum of every series of {@code name} in the Prometheus text {@code metrics}. */
    public static double total(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
