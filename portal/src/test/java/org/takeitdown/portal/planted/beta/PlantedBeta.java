package org.takeitdown.portal.planted.beta;

import org.takeitdown.portal.planted.alpha.PlantedStore;

/** A planted feature class depending back on the alpha feature. */
public class PlantedBeta {
    public boolean ready() {
        return new PlantedStore() != null;
    }
}
