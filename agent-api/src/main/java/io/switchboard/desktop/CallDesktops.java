package io.switchboard.desktop;

/**
 * The delivery a once-per-call consumer of call events (the screen pops) uses: every node's desktops when its events
 * come only from the node that owns the link, this node's only while every node reads its own link and would
 * otherwise deliver each pop once per node.
 *
 * @param desktops the delivery to use
 */
public record CallDesktops(Desktops desktops) {}
