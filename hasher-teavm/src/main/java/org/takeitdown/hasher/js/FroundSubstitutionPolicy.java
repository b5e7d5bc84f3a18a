package org.takeitdown.hasher.js;

import org.teavm.extension.spi.substitution.SubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

/** TeaVM class substitution: compiles {@code pdq.F32} from {@link JsF32} so that float rounding is {@code Math.fround}. */
public final class FroundSubstitutionPolicy implements SubstitutionPolicy {
    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses("org.takeitdown.hasher.pdq.F32"::equals)
                .replacePackage("org.takeitdown.hasher.pdq", "org.takeitdown.hasher.js")
                .simpleNamePrefix("Js");
    }
}
