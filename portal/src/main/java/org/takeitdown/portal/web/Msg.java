package org.takeitdown.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every user-facing string of the pages; Spanish in {@code messages/msg_es.properties}. */
@MessageBundle
public interface Msg {
    @Message("Help center")
    String siteName();

    @Message("Quick exit")
    String quickExit();

    @Message("Leave this site now")
    String quickExitHint();

    @Message("Skip to content")
    String skipToContent();

    @Message("Home")
    String navHome();

    @Message("How it works")
    String navHowItWorks();

    @Message("Get help")
    String navHelp();

    @Message("Check a case")
    String navStatus();

    @Message("Español")
    String langSwitch();

    @Message("We never see your photos or videos. No account, no name, no tracking.")
    String footerPrivacy();

    @Message("Get nude or sexual images of you taken down")
    String homeTitle();

    @Message("If someone has, or might share, a nude, partly nude or sexual photo or video of you from when you were under 18, this service can help stop it from spreading on participating apps and websites.")
    String homeIntro();

    @Message("You are not in trouble, and you are not alone.")
    String homeNotAlone();

    @Message("How it works, in three steps")
    String homeStepsTitle();

    @Message("Choose the photos or videos on your own phone or computer.")
    String homeStep1();

    @Message("Your device turns each file into a code called a hash, like a digital fingerprint. The file itself stays on your device.")
    String homeStep2();

    @Message("Only the hashes are sent. Participating platforms use them to find and remove copies.")
    String homeStep3();

    @Message("What this can't do")
    String homeLimitsTitle();

    @Message("It only works on apps and websites that take part.")
    String homeLimits1();

    @Message("It can't see inside end-to-end encrypted chats.")
    String homeLimits2();

    @Message("An edited copy may not match.")
    String homeLimits3();

    @Message("Get started")
    String homeStart();

    @Message("Before you start")
    String startTitle();

    @Message("How old were you in the image or video?")
    String startAgeQuestion();

    @Message("Under 18")
    String startAgeUnder();

    @Message("18 or older")
    String startAgeOver();

    @Message("I'm not sure")
    String startAgeUnsure();

    @Message("If you might have been under 18, choose \"Under 18\". If you were an adult, StopNCII.org helps adults.")
    String startUnsureHelp();

    @Message("Who is using this?")
    String startWhoQuestion();

    @Message("Me — it's an image of me")
    String startWhoMe();

    @Message("A parent or trusted adult helping someone who was under 18")
    String startWhoHelper();

    @Message("Please keep in mind")
    String startCautionsTitle();

    @Message("Use the device where the file already is.")
    String startCaution1();

    @Message("Don't download or share the image or video in order to submit it.")
    String startCaution2();

    @Message("Don't submit test images: every hash may be used to block content.")
    String startCaution3();

    @Message("Don't post it yourself later: it may be flagged and removed.")
    String startCaution4();

    @Message("We don't keep any of these answers.")
    String startNotStored();

    @Message("Continue")
    String startContinue();

    @Message("Please choose an answer about age.")
    String startChooseAge();

    @Message("Help for adults")
    String adultTitle();

    @Message("This service is for images taken when someone was under 18. If you were 18 or older in the image, StopNCII.org can help: it works the same way, and your image stays on your device.")
    String adultIntro();

    @Message("Go to StopNCII.org")
    String adultLink();

    @Message("You can also find people to talk to on our help page.")
    String adultHelp();

    @Message("Choose your files")
    String hashTitle();

    @Message("Pick the photos or videos. They stay on this device: only their hashes are sent.")
    String hashIntro();

    @Message("Adding files to case {number}.")
    String hashAddingTo(String number);

    @Message("Choose files")
    String hashChoose();

    @Message("or drag and drop them here")
    String hashDrop();

    @Message("Overall progress")
    String hashOverall();

    @Message("Remove")
    String hashRemove();

    @Message("Show the hashes")
    String hashDetails();

    @Message("Working on it on your device…")
    String hashWorking();

    @Message("Ready")
    String hashDone();

    @Message("This file couldn't be read. The others are fine.")
    String hashError();

    @Message("This image has little detail, so only its exact copy can be found (MD5 only).")
    String hashLowQuality();

    @Message("This file can only be matched as an exact copy (MD5 only).")
    String hashNotDecoded();

    /** {@code n}: where the page puts the number (the template passes a marker). */
    @Message("Looking at the video on your device: {n} seconds so far…")
    String hashVideoProgress(String n);

    @Message("Ready: {n} moments of this video can be matched, even in edited copies.")
    String hashVideoDone(String n);

    @Message("This browser can't play this video here, so only its exact copy can be found (MD5 only).")
    String hashVideoNotDecoded();

    @Message("Ready. The video is longer than an hour: its first hour can be matched in edited copies, the whole file as an exact copy.")
    String hashVideoLong();

    @Message("Send the hashes")
    String hashSubmit();

    @Message("Sending…")
    String hashSending();

    @Message("Sending didn't work. Please try again; nothing was lost.")
    String hashSendFailed();

    @Message("This file is empty or isn't a real picture or video, so it can't be used. Please remove it.")
    String hashRefused();

    @Message("One file can't be used (marked below). Remove it, then send again.")
    String hashRefusedSome();

    @Message("Choose at least one file first.")
    String hashNothing();

    @Message("This page needs JavaScript to make the hashes on your device.")
    String hashNoScript();

    @Message("Your hashes were received")
    String receiptTitle();

    @Message("Case number")
    String receiptNumber();

    @Message("Case key")
    String receiptKey();

    @Message("Save these now: write them down or take a screenshot. The key is shown only once, and you need both to check, add to or withdraw your case.")
    String receiptSave();

    @Message("What happens next: participating platforms receive the hashes and look for matching copies. You can check your case any time.")
    String receiptNext();

    @Message("The files were added to your case.")
    String receiptAdded();

    @Message("Check a case")
    String statusTitle();

    @Message("Enter your case number and case key.")
    String statusIntro();

    @Message("Case number")
    String statusNumber();

    @Message("Case key")
    String statusKey();

    @Message("Check")
    String statusCheck();

    @Message("We couldn't find a case with that number and key. Check them and try again.")
    String statusNotFound();

    @Message("Status")
    String statusState();

    @Message("Active")
    String statusActive();

    @Message("Withdrawn")
    String statusWithdrawn();

    @Message("Hashes in this case")
    String statusItems();

    @Message("What platforms reported (all platforms together)")
    String statusReports();

    @Message("Being reviewed")
    String statusPending();

    @Message("Blocked")
    String statusBlocked();

    @Message("Not blocked")
    String statusNotBlocked();

    @Message("Add more files")
    String statusAddMore();

    @Message("Withdraw this case")
    String statusWithdraw();

    @Message("Yes, withdraw it. Platforms will stop using these hashes.")
    String statusWithdrawConfirm();

    @Message("Tick the box to confirm.")
    String statusWithdrawNeedConfirm();

    @Message("Your case was withdrawn.")
    String statusWithdrawnDone();

    @Message("Get help")
    String helpTitle();

    @Message("Tip: a private or incognito window keeps this visit out of your history.")
    String helpPrivate();

    @Message("Report it")
    String helpTiplineTitle();

    @Message("The {name} takes reports 24 hours a day:")
    String helpTipline(String name);

    @Message("Call")
    String helpTiplineCall();

    @Message("Report online")
    String helpTiplineOnline();

    @Message("If you feel overwhelmed")
    String helpCrisisTitle();

    @Message("You can call or text {name} any time.")
    String helpCrisis(String name);

    @Message("Call 988")
    String helpCrisisCall();

    @Message("Text 988")
    String helpCrisisText();

    @Message("If someone is threatening you (sextortion)")
    String helpSextortionTitle();

    @Message("Sextortion is when someone threatens to share sexual images of you unless you pay or send more. It is a crime, and it is not your fault.")
    String helpSextortionWhat();

    @Message("Don't pay and don't send more.")
    String helpSext1();

    @Message("Stop talking to them.")
    String helpSext2();

    @Message("Block them, but don't delete the chat: keep it as evidence.")
    String helpSext3();

    @Message("Tell an adult you trust.")
    String helpSext4();

    @Message("Report it to the tipline and to the app.")
    String helpSext5();

    @Message("If you only have a link to where it is posted")
    String helpLinkTitle();

    @Message("You don't need the file. Report the link to the website or app, and to the tipline; they can act on the link.")
    String helpLink();

    @Message("How it works")
    String howTitle();

    @Message("Questions and answers")
    String howFaq();

    @Message("What is a hash?")
    String howQ1();

    @Message("A hash is a short code made from a file, like a fingerprint. The same picture gives the same code, but nobody can turn the code back into the picture.")
    String howA1();

    @Message("What is sent, and what isn't?")
    String howQ2();

    @Message("Only the hashes and whether each file is an image, a video or something else. Never the file, its name, size, date or location, and nothing about you.")
    String howA2();

    @Message("What do platforms do with the hashes?")
    String howQ3();

    @Message("Participating platforms compare new and existing uploads with the hashes. When one matches, they review it and can remove it or block it from being posted.")
    String howA3();

    @Message("What are the limits?")
    String howQ4();

    @Message("Only participating platforms use the hashes. Encrypted chats can't be checked. A heavily edited copy may not match. Images with very little detail can only be matched exactly.")
    String howA4();

    @Message("Can I change my mind?")
    String howQ5();

    @Message("Yes. With your case number and key you can withdraw your case at any time.")
    String howA5();

    @Message("Something went wrong")
    String errorTitle();

    @Message("Please go back and try again.")
    String errorBody();

    @Message("This form came from another website")
    String crossSiteTitle();

    @Message("To keep you safe, we only take forms sent from this website's own pages. This one came from somewhere else, so we did not use it and nothing was changed.")
    String crossSiteText();

    @Message("If you were using this site, open it again yourself and start from its first page:")
    String crossSiteAgain();

    @Message("Let's take a short break")
    String tooManyTitle();

    @Message("There were a lot of tries from this connection. Please wait about {minutes} minutes and try again. Nothing you already sent is lost.")
    String tooManyText(long minutes);

    @Message("If you need to talk to someone now, help is here:")
    String tooManyHelp();

    @Message("Our impact")
    String impactTitle();

    @Message("Totals and weekly figures, counted together. Nothing here is about any one person, case or platform.")
    String impactIntro();

    @Message("Cases")
    String impactCases();

    @Message("Hashes shared with platforms")
    String impactHashes();

    @Message("Participating platforms")
    String impactPlatforms();

    @Message("Times a platform blocked a match")
    String impactBlocked();

    @Message("New cases and hashes per week")
    String impactChartTitle();

    @Message("Bar chart of the last 12 weeks; the same numbers are in the table below.")
    String impactChartDesc();

    @Message("New cases")
    String impactLegendCases();

    @Message("New hashes")
    String impactLegendHashes();

    @Message("Weekly figures (weeks start on Monday)")
    String impactTableCaption();

    @Message("Week of")
    String impactWeek();

    @Message("For platforms: use the hash list")
    String platformsTitle();

    @Message("Participating platforms get an API key from the people who run this site. With it you can keep a copy of the hash list, check uploads against it and tell us what you did. Send the key as \"Authorization: Bearer\" on every call.")
    String platformsIntro();

    @Message("Keep your copy in sync")
    String platformsSyncTitle();

    @Message("Start with the export of every active hash and note its X-Consistent-Seq header. Then ask for changes after that number and keep following \"next\" while \"hasMore\" is true. Every change to an item gives it a new, larger seq, so you miss nothing and see each change once.")
    String platformsSync();

    @Message("Items with status \"withdrawn\" or \"removed\" no longer carry hashes: delete your copy of that id. Withdrawn and removed items are deleted from the feed for good after 180 days, so sync more often than that (or start again from an export).")
    String platformsWithdrawn();

    @Message("Check an upload")
    String platformsMatchTitle();

    @Message("Send up to 1,000 MD5 and PDQ hashes. MD5 must match exactly; PDQ matches within maxDistance bits (31 unless you say otherwise). Only active hashes with PDQ quality {minQuality} or more are matched by PDQ.")
    String platformsMatch(int minQuality);

    @Message("Videos: a video item may carry vPDQ, one PDQ hash for each second of video. The feed gives only the number of frames (vpdqFrames); fetch the frames of an item with GET /api/platform/v1/items/ID/vpdq. To check an uploaded video, send its frames in \"vpdq\" (up to 10 videos, 3,600 frames each). A video matches when at least 80% of your frames have a stored frame closer than 31 bits and at least 80% of the stored video's frames have one of yours; set vpdqQueryMatch and vpdqComparedMatch to change those shares. Frames with PDQ quality below {minQuality} are left out.")
    String platformsVideo(int minQuality);

    @Message("Each request has a work budget: the portal compares at most a set number of stored hashes with your queries, shared fairly among them, so no query can use up the others' share. If the budget runs out you still get an answer, with the nearest matches found and \"truncated\": true. A result marked truncated may miss matches: send those queries again in smaller requests.")
    String platformsMatchBudget();

    @Message("Tell us what you did")
    String platformsFeedbackTitle();

    @Message("For a matched item, report pending_review, blocked or not_blocked. A later report replaces your earlier one. The person who submitted sees only totals, never which platform.")
    String platformsFeedback();

    @Message("Compute the very same hashes")
    String platformsHashTitle();

    @Message("The hasher command-line tool (hasher.jar, built with this project) computes MD5 and PDQ exactly as the browser does: EXIF orientation applied, colour profiles ignored. It prints tab-separated values, or JSON lines with --json. With --video it also computes vPDQ for videos (with ffmpeg when it is installed, otherwise in pure Java for MP4/H.264), and --json prints the frames ready to send in \"vpdq\".")
    String platformsHash();

    @Message("Full reference")
    String platformsDocsTitle();

    @Message("Every call, field and error is described in the OpenAPI document:")
    String platformsDocs();

    @Message("Administration")
    String adminTitle();

    @Message("That did not work:")
    String adminError();

    @Message("New API key for {name}:")
    String adminNewKey(String name);

    @Message("This key is shown only now. Give it to the platform over a safe channel; only its HMAC is stored.")
    String adminKeyOnce();

    @Message("Platforms")
    String adminPlatforms();

    @Message("Platform name")
    String adminPlatformName();

    @Message("Add platform")
    String adminCreate();

    @Message("Added on")
    String adminCreatedOn();

    @Message("State")
    String adminState();

    @Message("Actions")
    String adminActions();

    @Message("Active")
    String adminActive();

    @Message("Revoked")
    String adminRevoked();

    @Message("New key")
    String adminRotate();

    @Message("Revoke")
    String adminRevoke();

    @Message("Possible false submissions")
    String adminFlagged();

    @Message("Items that at least {threshold} platforms reported as not blocked. Check them and remove any that should not be on the list.")
    String adminFlaggedIntro(int threshold);

    @Message("Nothing is flagged.")
    String adminNoFlagged();

    @Message("Item {id}")
    String adminItem(long id);

    @Message("Reason for removal")
    String adminReason();

    @Message("Remove from the list")
    String adminRemove();

    @Message("Our impact")
    String navImpact();

    @Message("For platforms")
    String navPlatforms();

    // Issue 13: exchange, access scopes and leak tracing (/platforms and /admin).

    @Message("Access")
    String adminScope();

    @Message("full: the list (feed, export, exchange) and matching")
    String adminScopeFull();

    @Message("match-only: matching and feedback, never the list")
    String adminScopeMatchOnly();

    @Message("Which platform leaked this list?")
    String adminLeakTitle();

    @Message("Every platform that receives the list also receives a few hashes of made-up pictures that only it gets. Paste hashes from a copy of the list found somewhere, or upload the file, to see whose hashes are in it.")
    String adminLeakIntro();

    @Message("Hashes (any text: CSV, NDJSON or one a line)")
    String adminLeakPaste();

    @Message("Or a file")
    String adminLeakFile();

    @Message("Check")
    String adminLeakCheck();

    @Message("None of the platforms' own hashes are in this list.")
    String adminLeakNone();

    @Message("{name} (platform {id}): {found} of its {given} own hashes are in this list.")
    String adminLeakFound(String name, long id, int found, int given);

    @Message("This cannot name a platform that removed its own hashes before the list got out, for example by comparing its copy with another platform's copy.")
    String adminLeakLimit();

    @Message("Access scopes")
    String platformsScopesTitle();

    @Message("Each API key has a scope, chosen by the portal's operator. \"full\" may read the list (feed, export, exchange, video frames) and match and send feedback. \"match-only\" may only match and send feedback: the feed, export, exchange and video frames answer 403. If you only check uploads against the list, ask for a match-only key: the full list then never sits on your servers.")
    String platformsScopes();

    @Message("Connect with threatexchange or HMA")
    String platformsExchangeTitle();

    @Message("The portal also speaks the StopNCII hash exchange protocol at its own address, so Meta's open-source python-threatexchange (the threatexchange command) and HMA (Hasher-Matcher-Actioner) can fetch the list with one line of configuration and no code. Use your API key as both the function key and the subscription key, and this portal's exchange address as the third part:")
    String platformsExchange();

    @Message("With the threatexchange command (or put the same line in ~/.tx_stopncii_keys):")
    String platformsExchangeCli();

    @Message("With HMA, store the same line as the stop_ncii exchange's credentials, then create a StopNCII exchange in HMA as usual:")
    String platformsExchangeHma();

    @Message("Feedback: the client's SubmitFeedback works against the portal, but threatexchange's configuration sets only the fetch key and its exchange has no way to send opinions, so a few lines are needed: the script portal/tools/stopncii_sync.py in this project shows the requests (or use StopNCIIAPI with additional_function_keys for SubmitFeedback). Blocked, NotBlocked and PendingReview are recorded like the native API's blocked, not_blocked and pending_review.")
    String platformsExchangeFeedback();

    @Message("Known defect of threatexchange 1.2.x: its StopNCII exchange compares the hash value instead of the hash status with Withdrawn and Deleted, so it never deletes a withdrawn hash from your copy. Until that is fixed, before you act on a local match, confirm it with this portal's match endpoint (it only answers for active items), or follow the native feed, which tells you every withdrawal by id.")
    String platformsExchangeDefect();

    @Message("When a young person withdraws, the portal deletes their hashes. It keeps only the one hash the exchange sent (an image's PDQ or a video's MD5), locked with the server's secret key, so that it can tell the platforms that already received it to delete it; it never sends it to a platform that did not, and it deletes it for good at the purge (after 180 days by default).")
    String platformsExchangeWithdrawn();

    @Message("The list is watermarked")
    String platformsWatermarkTitle();

    @Message("Each platform that receives the list also receives a few hashes of made-up pictures that only it gets. They look like any other item and match like one for that platform. If a copy of the list turns up somewhere, the operator can tell whose copy it was. This cannot catch platforms that compare their copies and remove the differences before leaking.")
    String platformsWatermark();

    @Message("Download hasher.jar")
    String platformsHasherDownload();
}
