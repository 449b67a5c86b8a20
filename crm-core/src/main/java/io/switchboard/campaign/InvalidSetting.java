package io.switchboard.campaign;

/**
 * A stored campaign setting that today's checks refuse (written by an older version, or by hand in the database):
 * the campaign is still listed and shown, with the setting's default in its place, until a manager corrects it.
 *
 * @param field the setting, as the API names it ({@code maxAttempts}, {@code callWindow}, ...)
 * @param message what is wrong with the stored value
 */
public record InvalidSetting(String field, String message) {}
