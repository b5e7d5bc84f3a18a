package org.takeitdown.portal.impact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.takeitdown.portal.platform.PlatformFixtures.md5;
import static org.takeitdown.portal.platform.PlatformFixtures.newCase;
import static org.takeitdown.portal.platform.PlatformFixtures.other;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.db.CountingJdbc;

/**
 * The impact page: aggregate totals, counted at most once every few minutes whatever the requests, and a server-drawn
 * SVG chart of this week's cases and hashes.
 */
@Tag("database")
@QuarkusTest
class ImpactResourceTest {
    @Inject
    ImpactService impact;

    private static long figure(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([\\d,]+)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void countsNewCasesAndHashesInTotalsAndThisWeeksBarsAtTheNextCount() {
        impact.refresh();
        String before = given().get("/impact").then().statusCode(200).extract().asString();
        newCase(other(md5()), other(md5()));
        String meanwhile = given().get("/impact").then().statusCode(200).extract().asString();
        assertThat(figure(meanwhile, "total-cases")).as("the last count, until the next")
                .isEqualTo(figure(before, "total-cases"));
        impact.refresh();
        String after = given().get("/impact").then().statusCode(200)
                .body(containsString("<svg id=\"weekly-chart\""), containsString("role=\"img\""))
                .body(org.hamcrest.Matchers.not(containsString("<script>"))).extract().asString();
        assertThat(figure(after, "total-cases")).isEqualTo(figure(before, "total-cases") + 1);
        assertThat(figure(after, "total-hashes")).isEqualTo(figure(before, "total-hashes") + 2);
        Matcher bars = Pattern.compile("class=\"bar-cases\"[^>]*><title>([\\d,]+)</title>").matcher(after);
        long last = -1;
        while (bars.find()) {
            last = Long.parseLong(bars.group(1).replace(",", ""));
        }
        assertThat(last).as("this week's bar").isGreaterThanOrEqualTo(1);
        given().get("/impact?lang=es").then().statusCode(200).body(containsString("Casos nuevos"));
    }

    @Test
    void theFiguresAPageShowsAreCountedOnceForAnyNumberOfRequests() {
        impact.refresh();
        CountingJdbc.Tally tally = CountingJdbc.count(() -> {
            for (int n = 0; n < 50; n++) {
                impact.figures();
            }
        });
        assertThat(tally.statements).as("statements run by 50 reads of the figures").isZero();
        assertThat(CountingJdbc.count(impact::refresh).statements).as("a count runs statements").isPositive();
    }

    @Test
    void chartScalesBarsToTheLargestWeek() {
        var weeks = java.util.List.of(new ImpactService.Week(java.time.LocalDate.of(2026, 11, 16), 2, 10),
                new ImpactService.Week(java.time.LocalDate.of(2026, 11, 23), 1, 5));
        BarChart chart = BarChart.of(weeks, false);
        assertThat(chart.bars()).hasSize(4);
        assertThat(chart.bars().get(1).height()).isEqualTo(chart.baseline() - 10);
        assertThat(chart.bars().get(3).height()).isEqualTo(chart.bars().get(1).height() / 2);
        assertThat(chart.labels()).extracting(BarChart.Label::day).containsExactly(weeks.get(0).start(), weeks.get(1).start());
        assertThat(chart.labels().get(0).x()).isLessThan(chart.labels().get(1).x());
    }

    @Test
    void aRightToLeftChartRunsTimeFromRightToLeft() {
        var weeks = java.util.List.of(new ImpactService.Week(java.time.LocalDate.of(2026, 11, 16), 2, 10),
                new ImpactService.Week(java.time.LocalDate.of(2026, 11, 23), 1, 5));
        BarChart ltr = BarChart.of(weeks, false);
        BarChart rtl = BarChart.of(weeks, true);
        assertThat(rtl.labels().get(0).x()).isGreaterThan(rtl.labels().get(1).x());
        for (int i = 0; i < 4; i++) {
            BarChart.Bar a = ltr.bars().get(i);
            BarChart.Bar b = rtl.bars().get(i);
            assertThat(b.x() + b.width()).as("bar %d mirrored", i).isEqualTo(ltr.width() - a.x());
            assertThat(b.height()).isEqualTo(a.height());
        }
    }
}
