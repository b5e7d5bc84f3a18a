package org.takeitdown.portal.help;

import io.smallrye.config.ConfigMapping;

/** Help contacts shown on the help and 18+ pages; US defaults, set your own country's. */
@ConfigMapping(prefix = "portal.help")
public interface HelpConfig {
    String tiplineName();

    String tiplinePhone();

    String tiplinePhoneWords();

    String tiplinePhoneHref();

    String tiplineUrl();

    String tiplineSite();

    String crisisName();

    String crisisPhone();

    String crisisPhoneHref();

    String crisisSmsHref();

    String adultServiceUrl();

    String adultServiceName();
}
