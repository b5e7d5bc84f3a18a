package org.takeitdown.portal.planted.web;

/** A planted web-layer type. */
public class PlantedProblem {
}
