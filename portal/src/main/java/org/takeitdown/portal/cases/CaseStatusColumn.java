package org.takeitdown.portal.cases;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link CaseStatus} for the entities through the enum's own {@link CaseStatus#stored()} mapping. */
@Converter(autoApply = true)
public class CaseStatusColumn implements AttributeConverter<CaseStatus, String> {
    @Override
    public String convertToDatabaseColumn(CaseStatus status) {
        return status == null ? null : status.stored();
    }

    @Override
    public CaseStatus convertToEntityAttribute(String value) {
        return value == null ? null : CaseStatus.ofStored(value);
    }
}
