package io.switchboard.contact;

/**
 * A contact's phone number.
 *
 * @param raw the text as entered or imported
 * @param e164 the number in E.164 form ({@code +493012345678}); {@code null} when it could not be parsed
 * @param country ISO region of the number; {@code null} when unknown
 * @param unparseable the raw text is not a valid number; it is kept and still found by its digits
 */
public record Phone(PhoneType type, String raw, String e164, String country, boolean unparseable) {}
