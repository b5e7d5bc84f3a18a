#!/usr/bin/env python3
"""Sync a Take It Down portal's list over its StopNCII-compatible exchange, as python-threatexchange does.

Standard library only. It makes the requests of python-threatexchange 1.2.16's StopNCII client
(exchanges/clients/stopncii/api.py): GET {base}/FetchHashes?startTimestamp=..&pageSize=800[&nextPageToken=..]
and POST {base}/SubmitFeedback, with the headers x-functions-key and Ocp-Apim-Subscription-Key, and keeps
its checkpoint the same way (exchanges/impl/stop_ncii_api.py): start at 10, store nextSetTimestamp after
every page, refuse a checkpoint that goes backwards, start again at 10 after 30 days without fetching.
Unlike threatexchange 1.2.x it deletes hashes whose hashStatus is Withdrawn or Deleted (see /platforms).

Credentials, as for threatexchange: '<fetch key>,<subscription key>,<base url>' in TX_STOPNCII_KEYS or --keys,
for example 'tid_...,tid_...,https://portal.example/api/stopncii/v1'.

  stopncii_sync.py fetch [--state DIR]                 one fetch run from the stored checkpoint
  stopncii_sync.py feedback HASH VALUE [HASH VALUE ...] e.g. <64 hex> Blocked <32 hex> NotBlocked
"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_START_TIME = 10
PAGE_SIZE = 800
STALE_SECONDS = 3600 * 24 * 30
KNOWN_SIGNAL_TYPES = {"ImagePDQ", "VideoMD5", "VideoTMK", "Text", "URL", "Unknown"}
USED_SIGNAL_TYPES = {"ImagePDQ": "pdq", "VideoMD5": "video_md5"}
RECORD_FIELDS = {"lastModtimestamp": int, "signalType": str, "hashValue": str, "hashStatus": str, "caseNumbers": dict}
PAGE_FIELDS = {"count": int, "nextSetTimestamp": int, "hasMoreRecords": bool, "hashRecords": list}
RETRIES = 4


def credentials(arg):
    line = arg or os.environ.get("TX_STOPNCII_KEYS")
    if not line:
        path = os.path.expanduser("~/.tx_stopncii_keys")
        if os.path.exists(path):
            with open(path) as f:
                line = f.read()
    if not line:
        sys.exit("no credentials: set TX_STOPNCII_KEYS or pass --keys '<key>,<key>,<base url>'")
    parts = line.strip().split(",")
    if len(parts) != 3 or not all(parts):
        sys.exit("credentials must be '<fetch key>,<subscription key>,<base url>'")
    return parts[0], parts[1], parts[2].rstrip("/")


def request(method, url, fetch_key, subscription_key, body=None):
    headers = {"x-functions-key": fetch_key, "Ocp-Apim-Subscription-Key": subscription_key}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    for attempt in range(RETRIES + 1):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers, method=method), timeout=60) as r:
                return json.loads(r.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            retry = method == "GET" and e.code in (429, 500, 502, 503, 504) and attempt < RETRIES
            if not retry:
                sys.exit("%s %s: HTTP %d %s" % (method, url, e.code, e.read().decode("utf-8", "replace")))
            time.sleep(float(e.headers.get("Retry-After") or 0.2 * 2 ** attempt))


def check_page(page):
    for name, kind in PAGE_FIELDS.items():
        if not isinstance(page.get(name), kind):
            sys.exit("bad page: %s is not %s: %r" % (name, kind.__name__, page.get(name)))
    token = page.get("nextPageToken")
    if token is not None and not isinstance(token, str):
        sys.exit("bad page: nextPageToken is not a string or null")
    if page["hasMoreRecords"] and not token:
        sys.exit("bad page: hasMoreRecords without a nextPageToken")


def load_json(path, default):
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return default


def save_json(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(value, f, indent=1, sort_keys=True)
    os.replace(tmp, path)


def fetch(args):
    fetch_key, subscription_key, base = credentials(args.keys)
    os.makedirs(args.state, exist_ok=True)
    checkpoint_file = os.path.join(args.state, "checkpoint.json")
    hashes_file = os.path.join(args.state, "hashes.json")
    checkpoint = load_json(checkpoint_file, None)
    hashes = load_json(hashes_file, {})
    start = DEFAULT_START_TIME
    if checkpoint is not None and time.time() - checkpoint["last_fetch_time"] <= STALE_SECONDS:
        start = checkpoint["update_time"]
    elif checkpoint is not None:
        print("checkpoint older than 30 days: starting again from %d" % DEFAULT_START_TIME)
        hashes = {}
    print("run from startTimestamp=%d (%d hashes held)" % (start, len(hashes)))
    has_more, token, pages = True, "", 0
    while has_more:
        params = {"startTimestamp": start, "pageSize": args.page_size}
        if token:
            params["nextPageToken"] = token
        page = request("GET", base + "/FetchHashes?" + urllib.parse.urlencode(params), fetch_key, subscription_key)
        check_page(page)
        added = removed = dropped = 0
        for record in page["hashRecords"]:
            missing = [n for n, k in RECORD_FIELDS.items() if not isinstance(record.get(n), k)]
            if missing or not isinstance(record.get("CSPFeedbacks", []), list):
                sys.exit("bad record (the client fails the whole fetch): %r" % record)
            if record["signalType"] not in KNOWN_SIGNAL_TYPES or record["signalType"] not in USED_SIGNAL_TYPES:
                print("dropped a record of unknown signalType %r" % record["signalType"], file=sys.stderr)
                dropped += 1
                continue
            key = USED_SIGNAL_TYPES[record["signalType"]] + ":" + record["hashValue"]
            if record["hashStatus"] in ("Withdrawn", "Deleted"):
                removed += key in hashes
                hashes.pop(key, None)
            else:
                added += key not in hashes
                hashes[key] = {"status": record["hashStatus"], "items": sorted(record["caseNumbers"])}
        nxt = page["nextSetTimestamp"]
        previous = checkpoint["update_time"] if checkpoint else DEFAULT_START_TIME
        if nxt < previous:
            sys.exit("refused: the checkpoint would go backwards (%d < %d)" % (nxt, previous))
        checkpoint = {"update_time": nxt, "last_fetch_time": int(time.time())}
        save_json(hashes_file, hashes)
        save_json(checkpoint_file, checkpoint)
        pages += 1
        has_more, token = page["hasMoreRecords"], page.get("nextPageToken") or ""
        print("page %d: %d records (+%d new, -%d withdrawn, %d dropped), nextSetTimestamp=%d, hasMoreRecords=%s"
              % (pages, page["count"], added, removed, dropped, nxt, str(has_more).lower()))
    print("done: %d pages, %d hashes held, checkpoint %d" % (pages, len(hashes), checkpoint["update_time"]))


def feedback(args):
    fetch_key, subscription_key, base = credentials(args.keys)
    if len(args.pairs) % 2:
        sys.exit("give HASH VALUE pairs, e.g. <64 hex> Blocked")
    items = [{"hashValue": h, "feedbackValue": v, "tags": args.tag or []} for h, v in zip(args.pairs[::2], args.pairs[1::2])]
    answer = request("POST", base + "/SubmitFeedback", fetch_key, subscription_key,
                     {"count": len(items), "hashFeedbacks": items})
    print(json.dumps(answer, indent=1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", help="'<fetch key>,<subscription key>,<base url>' (else TX_STOPNCII_KEYS)")
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fetch", help="one fetch run from the stored checkpoint")
    f.add_argument("--state", default="stopncii-state", help="folder for checkpoint.json and hashes.json")
    f.add_argument("--page-size", type=int, default=PAGE_SIZE, help="records a page (the client sends 800)")
    f.set_defaults(run=fetch)
    b = sub.add_parser("feedback", help="send feedback: HASH VALUE pairs")
    b.add_argument("pairs", nargs="+")
    b.add_argument("--tag", action="append")
    b.set_defaults(run=feedback)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
