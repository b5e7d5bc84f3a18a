package org.takeitdown.portal.cases;

import java.util.List;
import org.takeitdown.hasher.vpdq.VpdqFrame;

/** A checked, normalised item about to be stored: hex lowercase, vPDQ frames as the hasher's, or null. */
record NewItem(String kind, String md5, String pdq, Integer pdqQuality, List<VpdqFrame> vpdq) {
}
