package org.thesislab.odgi;

/** A predicted box with its confidence c (used for ranking, NMS and AP). */
public record Detection(Box box, double score) {
}
