package org.takeitdown.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProblemMapperTest {
    record Entry(int id, String name) {
    }

    record Body(List<Entry> entries) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper();
        new JacksonConfig().customize(m);
        return m;
    }

    private String problemFor(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(json, Body.class));
        assertThat(e).as("refused: %s", json).isNotNull();
        return JsonProblemMapper.describe(e);
    }

    @Test
    void secondValueAfterTheBodysValueIsRefusedAndSaidPlainly() {
        assertThat(problemFor("{\"entries\":[]}{\"entries\":[]}")).isEqualTo("The body must be one JSON value with nothing after it.");
        assertThat(problemFor("{\"entries\":[]} 5")).isEqualTo("The body must be one JSON value with nothing after it.");
    }

    @Test
    void wordAfterTheBodysValueIsRefusedAsInvalidJson() {
        assertThat(problemFor("{\"entries\":[]} xyz")).isEqualTo("The body is not valid JSON.");
    }

    @Test
    void numberOutOfItsFieldsRangeNamesTheField() {
        assertThat(problemFor("{\"entries\":[{\"id\":1,\"name\":\"a\"},{\"id\":10000000000,\"name\":\"b\"}]}"))
                .isEqualTo("A number is too large or too small for its field at \"entries[1].id\".");
    }

    @Test
    void numberWithThousandsOfDigitsIsCalledTooLongNotInvalid() {
        assertThat(problemFor("{\"entries\":[{\"id\":" + "9".repeat(200_000) + "}]}"))
                .isEqualTo("The body is nested too deeply, or holds a number or text that is too long.");
    }

    @Test
    void brokenSyntaxIsStillNotValidJson() {
        assertThat(problemFor("{\"entries\":[")).isEqualTo("The body is not valid JSON.");
    }

    @Test
    void wellFormedBodyWithTrailingWhitespaceIsRead() throws JsonProcessingException {
        assertThat(mapper.readValue("{\"entries\":[{\"id\":3,\"name\":\"c\"}]} \n", Body.class).entries()).hasSize(1);
    }
}
