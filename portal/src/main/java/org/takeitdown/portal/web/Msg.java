package org.takeitdown.portal.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The key and parameters of every user-facing string; the words are in {@code messages/msg_<lang>.properties}
 * (English in {@code msg_en.properties}), checked against this interface when the application is built.
 * A {@link Count} parameter chooses plural forms by the language's CLDR rules.
 */
@MessageBundle
public interface Msg {
    String siteName();

    String quickExit();

    String quickExitHint();

    String quickExitKeys();

    String skipToContent();

    String navHowItWorks();

    String navHelp();

    String navStatus();

    String navParticipating();

    String navAbout();

    String langMenu();

    String footerPrivacy();

    String homeTitle();

    String homeIntro();

    String homeNotAlone();

    String homeStepsTitle();

    String homeStep1();

    String homeStep2();

    String homeStep3();

    String homeLimitsTitle();

    String homeLimits1();

    String homeLimits2();

    String homeLimits3();

    String homeParticipating();

    String homeStart();

    String startTitle();

    String startAgeQuestion();

    String startAgeQuestionHelper();

    String startAgeUnder();

    String startAgeOver();

    String startAgeUnsure();

    String startUnsureHelp(String service);

    String startUnsureHelpHelper(String service);

    String startWhoQuestion();

    String startWhoMe();

    String startWhoHelper();

    String startCautionsTitle();

    String startCaution1();

    String startCaution2();

    String startCaution3();

    String startCaution4();

    String startNotStored();

    String startContinue();

    String startChooseAge();

    String adultTitle();

    String adultIntro(String service);

    String adultLink(String service);

    String adultHelp();

    String adultWrongAnswer();

    String hashBackToQuestions();

    String hashTitle();

    String hashIntro();

    String hashAddingTo(String number);

    String hashAddAgain();

    String hashStartNew();

    String hashChoose();

    String hashChooseOther();

    String hashDrop();

    String hashOverall();

    String hashRemove();

    String hashDetails();

    String hashWorking();

    String hashDone();

    String hashError();

    String hashLowQuality();

    String hashNotDecoded();

    String hashOtherKind();

    /** n: seconds of video looked at so far (the page fills in the number and its plural form). */
    String hashVideoProgress(Count n);

    String hashVideoDone();

    String hashVideoNotDecoded();

    String hashVideoLong();

    String hashSubmit();

    String hashSending();

    String hashSendFailed();

    /** Over a limit: the site is {@code busy} (a site-wide limit), or many tries came from this network. */
    String hashTooMany(Count minutes, boolean busy);

    String hashTooManyToday(Count hours);

    String hashRefused();

    String hashLeftOut();

    String hashRefusedSome();

    String hashUnsure();

    String hashOffline();

    String hashLeaveKey();

    String hashLeaveUnsent();

    String hashClosed();

    String hashNothing();

    String hashNothingReadable();

    String hashAlreadyAdded();

    String hashNoScript();

    String receiptTitle();

    String receiptNumber();

    String receiptKey();

    String receiptSave();

    String receiptNext();

    String receiptAddedTitle();

    String receiptSameKey();

    String receiptTickFirst();

    String receiptCopy();

    String receiptCopyNumber();

    String receiptCopyKey();

    String receiptCopied();

    String receiptCopyFailed();

    String receiptCopyNote();

    String receiptSaveFile();

    String receiptSaveFileNote();

    String receiptPrint();

    String receiptPrintNote();

    String receiptSavedCheck();

    String receiptRestSending();

    String receiptRestFailed();

    String receiptRestDone();

    String receiptAlreadyIn(String count);

    String receiptFilesIn();

    String receiptFilesLeft();

    String receiptNotIn();

    String receiptTryAgain();

    String statusTitle();

    String statusIntro();

    String statusNumber();

    String statusKey();

    String statusCheck();

    String statusNotFound();

    String statusState();

    String statusActive();

    String statusWithdrawn();

    String statusActiveExplain();

    String statusWithdrawnExplain();

    String statusItems();

    String statusReports();

    String statusReportsIntro();

    String statusPending();

    String statusPendingExplain();

    String statusBlocked();

    String statusBlockedExplain();

    String statusNotBlocked();

    String statusNotBlockedExplain();

    String statusAddMore();

    String statusWithdraw();

    String statusWithdrawConfirm();

    String statusWithdrawNeedConfirm();

    String statusWithdrawnDone();

    String helpTitle();

    String helpPrivate();

    String helpExitTitle();

    String helpExit();

    String helpBack();

    String helpExitLimits();

    String helpTiplineTitle();

    String helpTipline(String name);

    String helpTiplineCall();

    String helpTiplineOnline();

    String helpCrisisTitle();

    String helpCrisis(String name);

    String helpCrisisCall(String number);

    String helpCrisisText(String number);

    String helpSextortionTitle();

    String helpSextortionWhat();

    String helpSext1();

    String helpSext2();

    String helpSext3();

    String helpSext4();

    String helpSext5();

    String helpLinkTitle();

    String helpLink();

    String howTitle();

    String howFaq();

    String howQ1();

    String howA1();

    String howQ2();

    String howA2();

    String howA2Video();

    String howQ3();

    String howA3();

    String howQ4();

    String howA4();

    String howQ5();

    String howA5();

    String errorTitle();

    String errorBody();

    String nextTitle();

    String nextTimelineTitle();

    String next1();

    String next2();

    String next3();

    String next4();

    String nextTellTitle();

    String nextTell();

    String nextReport();

    String nextNotBlockedTitle();

    String aboutTitle();

    String aboutWhoTitle();

    String aboutWhoUnset();

    String aboutContact();

    String aboutSoftware();

    String aboutKeptTitle();

    String aboutKept1();

    String aboutKept2();

    String aboutKept3();

    String aboutNeverTitle();

    String aboutNever1();

    String aboutNever2();

    String aboutNever3();

    String aboutNever4();

    String aboutNever5();

    String aboutLimits();

    String aboutHowLongTitle();

    String aboutHowLong();

    String participatingTitle();

    String participatingIntro();

    String participatingNone();

    String participatingScans();

    String aboutWho(String name);

    String aboutWithdraw(Count days);

    String notFoundTitle();

    String notFoundBody();

    String notFoundHome();

    String notAllowedTitle();

    String notAllowedBody();

    String bodyRefusedTitle();

    String bodyRefusedBody();

    String flowOffline();

    String flowOfflineLink();

    String statusAddOffline();

    String statusWithdrawOffline();

    String crossSiteTitle();

    String crossSiteText();

    String crossSiteAgain();

    String tooManyTitle();

    /** Over a limit: the site is {@code busy} (a site-wide limit), or many tries came from this network. */
    String tooManyText(Count minutes, boolean busy);

    String tooManyHelp();

    String impactTitle();

    String impactIntro();

    String impactCases();

    String impactCasesNote();

    String impactHashes();

    String impactHashesNote();

    String impactActive();

    String impactActiveNote();

    String impactPlatforms();

    String impactPlatformsNote();

    String impactBlocked();

    String impactBlockedNote();

    String impactChartTitle();

    String impactChartDesc(Count weeks);

    String impactLegendCases();

    String impactLegendHashes();

    String impactTableCaption();

    String impactWeek();

    String platformsTitle();

    String platformsIntro();

    String platformsSyncTitle();

    String platformsSync();

    String platformsWithdrawn(Count days);

    String platformsMatchTitle();

    String platformsMatch(String maxHashes, String distance, String minQuality);

    String platformsVideo(String maxVideos, String maxFrames, String distance, String share, String minQuality);

    String platformsMatchBudget();

    String platformsFeedbackTitle();

    String platformsFeedback();

    String platformsHashTitle();

    String platformsHash();

    String platformsDocsTitle();

    String platformsDocs();

    String navImpact();

    String navPlatforms();

    String platformsScopesTitle();

    String platformsScopes();

    String platformsExchangeTitle();

    String platformsExchange();

    String platformsExchangeCli();

    String platformsExchangeHma();

    String platformsExchangeFeedback();

    String platformsExchangeDefect();

    String platformsExchangeWithdrawn(Count days);

    String platformsWatermarkTitle();

    String platformsWatermark();

    String platformsHasherDownload();
}
