package io.switchboard.knowledge;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An article's Markdown as HTML a page may show as it is. Two guards, because an article is written by one user and
 * read by all: commonmark escapes HTML typed into the Markdown and drops unsafe link targets
 * ({@code javascript:}), and the OWASP sanitizer then keeps only an allow-list of elements and attributes
 * (formatting, blocks, lists, tables, links to http, https and mailto, images over http and https). Whatever the
 * author typed, no script, event handler, style or frame reaches a reader's page.
 */
final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "kbd")
                    .allowAttributes("class")
                    .matching(Pattern.compile("language-[a-z0-9+-]{1,30}"))
                    .onElements("code")
                    .toFactory());

    private final Parser parser;
    private final HtmlRenderer html;
    private final TextContentRenderer text;

    MarkdownRenderer() {
        this.parser = Parser.builder().extensions(EXTENSIONS).build();
        this.html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .build();
        this.text = TextContentRenderer.builder().extensions(EXTENSIONS).build();
    }

    /** The body as sanitised HTML. */
    String html(String markdown) {
        Node document = parser.parse(markdown);
        return POLICY.sanitize(html.render(document));
    }

    /** The body as plain text without Markdown marks, cut to about {@code length} characters at a word's end. */
    String snippet(String markdown, int length) {
        String plain =
                text.render(parser.parse(markdown)).replaceAll("\\s+", " ").strip();
        if (plain.length() <= length) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', length);
        return plain.substring(0, cut > length / 2 ? cut : length) + " …";
    }
}
