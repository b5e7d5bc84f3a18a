package org.takeitdown.portal.admin;

import io.quarkus.qute.i18n.MessageBundle;
import org.takeitdown.portal.web.Count;

/**
 * The operator's page's words, in {@code messages/admin_<lang>.properties} (bundle {@code admin}); the people's pages'
 * words are in {@link org.takeitdown.portal.web.Msg}. Two bundles, because Quarkus 3.33.2 can't generate one of more
 * than 300 messages (see {@code MessagesTest}).
 */
@MessageBundle("admin")
public interface AdminMsg {
    String adminTitle();

    String adminError();

    String adminNewKey(String name);

    String adminKeyOnce();

    String adminPlatforms();

    String adminPlatformName();

    String adminCreate();

    String adminId();

    String adminCreatedOn();

    String adminState();

    String adminActions();

    String adminActive();

    String adminRevoked();

    String adminRotate();

    String adminRevoke();

    String adminListed();

    String adminScans();

    String adminSaveListing();

    String adminFlagged();

    String adminFlaggedIntro(Count threshold);

    String adminNoFlagged();

    String adminFlaggedShown(Count shown, Count total);

    String adminFlaggedShownAtLeast(Count shown, Count total);

    String adminItem(long id);

    String adminReason();

    String adminRemove();

    String adminScope();

    String adminScopeFull();

    String adminScopeMatchOnly();

    String adminLeakTitle();

    String adminLeakIntro();

    String adminLeakPaste();

    String adminLeakFile();

    String adminLeakCheck();

    String adminLeakNone();

    String adminLeakFound(String name, long id, String found, Count given);

    String adminLeakLimit();
}
