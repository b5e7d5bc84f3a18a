package org.takeitdown.portal.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link Outcome} for the entities through the enum's own {@link Outcome#stored()} mapping. */
@Converter(autoApply = true)
public class OutcomeColumn implements AttributeConverter<Outcome, String> {
    @Override
    public String convertToDatabaseColumn(Outcome outcome) {
        return outcome == null ? null : outcome.stored();
    }

    @Override
    public Outcome convertToEntityAttribute(String value) {
        return value == null ? null : Outcome.ofStored(value);
    }
}
