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

    @Message("You can also press Shift three times to leave at once.")
    String quickExitKeys();

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

    @Message("Participating platforms")
    String navParticipating();

    @Message("About and privacy")
    String navAbout();

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

    @Message("A copy that was cropped or heavily edited may not match.")
    String homeLimits3();

    @Message("See which ones take part.")
    String homeParticipating();

    @Message("Get started")
    String homeStart();

    @Message("Before you start")
    String startTitle();

    @Message("How old were you in the image or video?")
    String startAgeQuestion();

    @Message("How old was the person in the image or video?")
    String startAgeQuestionHelper();

    @Message("Under 18")
    String startAgeUnder();

    @Message("18 or older")
    String startAgeOver();

    @Message("I'm not sure")
    String startAgeUnsure();

    @Message("If you might have been under 18, choose \"Under 18\". If you were an adult, StopNCII.org helps adults.")
    String startUnsureHelp();

    @Message("If they might have been under 18, choose \"Under 18\". If they were an adult, StopNCII.org helps adults.")
    String startUnsureHelpHelper();

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

    @Message("Choose photos or videos")
    String hashChoose();

    @Message("Choose another kind of file")
    String hashChooseOther();

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

    @Message("This image has little detail, so only an exact copy of it can be found.")
    String hashLowQuality();

    @Message("This file can only be matched as an exact copy.")
    String hashNotDecoded();

    /** {@code n}: where the page puts the number (the template passes a marker). */
    @Message("Looking at the video on your device: {n} seconds so far…")
    String hashVideoProgress(String n);

    @Message("Looking at the video on your device: 1 second so far…")
    String hashVideoProgressOne();

    @Message("Ready. Copies of this video that were re-encoded or resized usually match; cropped or heavily edited copies may not.")
    String hashVideoDone();

    @Message("This browser can't play this video here, so only its exact copy can be found.")
    String hashVideoNotDecoded();

    @Message("Ready. The video is longer than an hour: copies of its first hour can be found even when re-encoded or resized; the whole file only as an exact copy.")
    String hashVideoLong();

    @Message("Send the hashes")
    String hashSubmit();

    @Message("Sending…")
    String hashSending();

    @Message("Sending didn't work. Please try again; nothing was lost.")
    String hashSendFailed();

    @Message("There were a lot of tries from this connection. Please wait about {minutes} minutes, then send again. Nothing was lost.")
    String hashTooMany(String minutes);

    @Message("There were a lot of tries from this connection. Please wait about a minute, then send again. Nothing was lost.")
    String hashTooManyOne();

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

    @Message("Keep them somewhere safe and private: write them down, or use a button below. Nobody can get a lost key back, not even us, and you need both to check, add to or withdraw your case.")
    String receiptSave();

    @Message("What happens next: participating platforms receive the hashes and look for matching copies. You can check your case any time.")
    String receiptNext();

    @Message("The files were added to your case.")
    String receiptAdded();

    @Message("Your case number and key stay the same: this is the key you already have, not a new one.")
    String receiptSameKey();

    @Message("Before you leave this page: save your case number and key, then tick the box at the end.")
    String receiptTickFirst();

    @Message("Copy")
    String receiptCopy();

    @Message("Copy the case number")
    String receiptCopyNumber();

    @Message("Copy the case key")
    String receiptCopyKey();

    @Message("Copied. Paste it somewhere private.")
    String receiptCopied();

    @Message("Copying didn't work here. Please write it down instead.")
    String receiptCopyFailed();

    @Message("Copying puts it on this device until you copy something else.")
    String receiptCopyNote();

    @Message("Save as a file")
    String receiptSaveFile();

    @Message("This leaves a small text file on this device.")
    String receiptSaveFileNote();

    @Message("Print")
    String receiptPrint();

    @Message("A printout, or a saved PDF, is a copy someone else could find.")
    String receiptPrintNote();

    @Message("I saved my case number and key")
    String receiptSavedCheck();

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

    @Message("Platforms are using these hashes to look for copies.")
    String statusActiveExplain();

    @Message("Platforms were told to stop using these hashes and remove them.")
    String statusWithdrawnExplain();

    @Message("Hashes in this case")
    String statusItems();

    @Message("What platforms reported (all platforms together)")
    String statusReports();

    @Message("When a platform finds a copy that matches, it tells us what it did. Here is what they said, all platforms together:")
    String statusReportsIntro();

    @Message("Being reviewed")
    String statusPending();

    @Message("A platform found a match and its team is checking it.")
    String statusPendingExplain();

    @Message("Blocked")
    String statusBlocked();

    @Message("A platform found a match and removed it, or stopped it from being posted.")
    String statusBlockedExplain();

    @Message("Not blocked")
    String statusNotBlocked();

    @Message("A platform found a match but decided not to remove it, for example because it wasn't the same picture or didn't break its rules. It doesn't mean you did anything wrong. You can still report the post to the app and to the tipline.")
    String statusNotBlockedExplain();

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

    @Message("Leaving quickly")
    String helpExitTitle();

    @Message("The Quick exit button, or pressing Shift three times, leaves this site at once for a weather page. Back then leads to the page you were on before this site, not to these pages.")
    String helpExit();

    @Message("What it can't hide: a history your browser already recorded (for example, in a normal window it may still list this site), and monitoring apps or someone watching the device. A private or incognito window keeps the least behind.")
    String helpExitLimits();

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

    @Message("Only participating platforms use the hashes. Encrypted chats can't be checked. A cropped or heavily edited copy may not match. Images with very little detail can only be matched exactly.")
    String howA4();

    @Message("Can I change my mind?")
    String howQ5();

    @Message("Yes. With your case number and key you can withdraw your case at any time.")
    String howA5();

    @Message("Something went wrong")
    String errorTitle();

    @Message("Something went wrong on our side. Nothing you sent is lost. Please try again in a few minutes.")
    String errorBody();

    @Message("What happens next")
    String nextTitle();

    @Message("How long it takes")
    String nextTimelineTitle();

    @Message("Right away: your hashes are added to the list.")
    String next1();

    @Message("Within minutes to a day: participating platforms pick up the list. Each platform decides how often it checks.")
    String next2();

    @Message("From then on: new uploads to those platforms are compared with your hashes. Some also check what was already posted.")
    String next3();

    @Message("When a copy matches: the platform's team reviews it and can remove it or stop it from being posted. Your case's page shows what platforms reported.")
    String next4();

    @Message("Who is told")
    String nextTellTitle();

    @Message("This site tells no one: not your parents, not your school, not the police. It doesn't know who you are.")
    String nextTell();

    @Message("A platform that finds a matching image may have to report that image to the authorities, because the law says so. Nothing from you is in that report: no name, no case number, nothing you sent.")
    String nextReport();

    @Message("If a platform says \"not blocked\"")
    String nextNotBlockedTitle();

    @Message("About this site and your privacy")
    String aboutTitle();

    @Message("Who runs this site")
    String aboutWhoTitle();

    @Message("The people who run this copy of the site have not added their details yet.")
    String aboutWhoUnset();

    @Message("Contact:")
    String aboutContact();

    @Message("It runs the open-source Take It Down portal software.")
    String aboutSoftware();

    @Message("What is kept")
    String aboutKeptTitle();

    @Message("The hashes you send, and whether each file was an image, a video or something else.")
    String aboutKept1();

    @Message("Your case number, and a scrambled form of your key that can't be turned back into the key.")
    String aboutKept2();

    @Message("The day (not the time) each case was made, and totals of what platforms reported.")
    String aboutKept3();

    @Message("What is never kept")
    String aboutNeverTitle();

    @Message("Your photos and videos: they never leave your device.")
    String aboutNever1();

    @Message("Your name, email, phone number or an account: there are none.")
    String aboutNever2();

    @Message("Your internet address (IP address), your browser's details or your files' names: not in the database, not in logs.")
    String aboutNever3();

    @Message("Your answers to the questions before you start.")
    String aboutNever4();

    @Message("Cookies, trackers or anything from other companies: these pages have none.")
    String aboutNever5();

    @Message("To slow down misuse, a scrambled form of your internet address is held in memory for a short while. It is never written down and is gone within a day.")
    String aboutLimits();

    @Message("How long")
    String aboutHowLongTitle();

    @Message("A case is kept until you withdraw it.")
    String aboutHowLong();

    @Message("Participating platforms")
    String participatingTitle();

    @Message("These apps and websites use the hashes from this site to find and remove copies. Only platforms that chose to be named are listed.")
    String participatingIntro();

    @Message("No platform has chosen to be named here yet.")
    String participatingNone();

    @Message("What they check:")
    String participatingScans();

    @Message("This copy of the site is run by {name}.")
    String aboutWho(String name);

    @Message("When you withdraw a case or a file, platforms that already received its hashes are told to remove them. Only for that, this site keeps those hashes, encrypted, for {days} more days, then deletes them for good. They are never sent to a platform that did not already have them.")
    String aboutWithdraw(long days);

    @Message("We couldn't find that page")
    String notFoundTitle();

    @Message("The address may be mistyped, or the page may have moved. Nothing is wrong with your case.")
    String notFoundBody();

    @Message("Go to the start page")
    String notFoundHome();

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

    @Message("Cases ever made, withdrawn ones included.")
    String impactCasesNote();

    @Message("Hashes received (all time)")
    String impactHashes();

    @Message("Every hash ever sent, withdrawn ones included, as in the weekly table.")
    String impactHashesNote();

    @Message("Hashes on the list now")
    String impactActive();

    @Message("Shared with platforms today; withdrawn and removed ones are left out.")
    String impactActiveNote();

    @Message("Participating platforms")
    String impactPlatforms();

    @Message("Apps and websites using the hash list now.")
    String impactPlatformsNote();

    @Message("Times a platform blocked a match")
    String impactBlocked();

    @Message("Matches that platforms reported they blocked.")
    String impactBlockedNote();

    @Message("New cases and hashes per week")
    String impactChartTitle();

    @Message("Bar chart of the last 12 weeks; the same numbers are in the table below.")
    String impactChartDesc();

    @Message("New cases")
    String impactLegendCases();

    @Message("New hashes (withdrawn ones included)")
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

    @Message("Listed publicly on the participating platforms page")
    String adminListed();

    @Message("What they scan (shown publicly)")
    String adminScans();

    @Message("Save listing")
    String adminSaveListing();

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
