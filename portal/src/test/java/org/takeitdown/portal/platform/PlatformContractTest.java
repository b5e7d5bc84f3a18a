package org.takeitdown.portal.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.takeitdown.portal.admin.AdminApiResource;

/** Code and contract in step: every operation and response code of META-INF/openapi.yaml, and no other, is implemented. */
@Tag("database")
@QuarkusTest
class PlatformContractTest {
    private static Map<String, Set<String>> contract() throws Exception {
        Map<String, Set<String>> ops = new TreeMap<>();
        try (InputStream in = PlatformContractTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            JsonNode paths = new YAMLMapper().readTree(in).get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> path = p.next();
                for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = m.next();
                    Set<String> codes = new TreeSet<>();
                    op.getValue().get("responses").fieldNames().forEachRemaining(codes::add);
                    ops.put(op.getKey().toUpperCase() + " " + path.getKey(), codes);
                }
            }
        }
        return ops;
    }

    private static Map<String, Set<String>> code() {
        Map<String, Set<String>> ops = new TreeMap<>();
        for (Class<?> resource : new Class<?>[] {AdminApiResource.class, PlatformApiResource.class, ExchangeResource.class}) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                Set<String> codes = new TreeSet<>();
                for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
                    codes.add(r.responseCode());
                }
                ops.put(verb + " " + path, codes);
            }
        }
        return ops;
    }

    @Test
    void everyContractOperationIsImplementedWithItsResponseCodesAndNothingElse() throws Exception {
        Map<String, Set<String>> contract = contract();
        assertThat(contract).hasSize(14);
        assertThat(code()).isEqualTo(contract);
    }

    @Test
    void servedOpenApiDocumentIncludesTheContract() throws Exception {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        for (String op : contract().keySet()) {
            assertThat(served).contains("\"" + op.substring(op.indexOf(' ') + 1) + "\"");
        }
        assertThat(served).contains("X-Consistent-Seq").contains("/api/cases");
    }
}
