package io.switchboard.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An article is written by one user and read by everyone: whatever Markdown or HTML its author types, the HTML a
 * reader gets carries no script, event handler, dangerous link, frame or style. The browser test
 * ({@code KnowledgeBaseInChromiumTest}) shows the same article in a real page and checks nothing ran.
 */
class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>window.pwned = 1</script>",
                "Hello <script src=\"https://evil.example/x.js\"></script>",
                "<img src=x onerror=\"window.pwned = 1\">",
                "![cat](javascript:window.pwned=1)",
                "[click me](javascript:window.pwned=1)",
                "[click me](JaVaScRiPt:window.pwned=1)",
                "[click me](&#106;avascript:window.pwned=1)",
                "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[click me](vbscript:msgbox)",
                "<javascript:window.pwned=1>",
                "<a href=\"javascript:window.pwned=1\">x</a>",
                "<a href=\"https://ok.example\" onclick=\"window.pwned=1\">x</a>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<svg onload=\"window.pwned=1\"><circle r=1></circle></svg>",
                "<div style=\"background:url(javascript:window.pwned=1)\">x</div>",
                "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
                "<form action=\"https://evil.example\"><input name=password></form>",
                "<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=1>",
                "<details open ontoggle=\"window.pwned=1\">",
                "`code` <scr<script>ipt>window.pwned=1</script>",
                "| a | b |\n|---|---|\n| <script>window.pwned=1</script> | [x](javascript:window.pwned=1) |",
                "<<script>script>window.pwned=1<</script>/script>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned=1\">",
                "<base href=\"javascript:/\">",
                "[x](  javascript:window.pwned=1  )",
                "[x]: javascript:window.pwned=1\n\n[link][x]"
            })
    void noScriptSurvivesHostileMarkdownOrHtml(String hostile) {
        // the elements of the answer: what the author typed as HTML is escaped text (&lt;script&gt;), never a tag
        List<String> tags = new ArrayList<>();
        Matcher tag = Pattern.compile("<[^>]*>").matcher(markdown.html(hostile).toLowerCase(Locale.ROOT));
        while (tag.find()) {
            tags.add(tag.group());
        }

        assertThat(tags)
                .isNotEmpty()
                .allSatisfy(element -> assertThat(element)
                        .matches("</?(p|a|img|code|pre|table|thead|tbody|tr|th|td|em|strong|br)( [^>]*)?>")
                        .doesNotContainPattern("\\son[a-z]+\\s*=")
                        .doesNotContain("style=")
                        .doesNotContainPattern("(href|src)=\"\\s*(javascript|vbscript|data):"));
    }

    @Test
    void ordinaryMarkdownBecomesItsHtml() {
        String html = markdown.html("# Printer jams\n\nOpen **tray 2**, then see [the manual](https://example.com/m)."
                + "\n\n| step | what |\n|---|---|\n| 1 | `reset` |\n\n```bash\nlpstat -t\n```\n");

        assertThat(html)
                .contains("<h1>Printer jams</h1>")
                .contains("<strong>tray 2</strong>")
                .contains("href=\"https://example.com/m\"")
                .contains("rel=\"nofollow\"")
                .contains("<table>")
                .contains("<code>reset</code>")
                .contains("<code class=\"language-bash\">lpstat -t");
    }

    @Test
    void htmlTypedIntoTheMarkdownIsShownAsText() {
        assertThat(markdown.html("Press <kbd>Ctrl</kbd> & <b>go</b>"))
                .contains("&lt;kbd&gt;Ctrl&lt;/kbd&gt;")
                .doesNotContain("<b>");
    }

    @Test
    void aSnippetIsPlainTextCutAtAWord() {
        String snippet = markdown.snippet("# Title\n\nSome **bold** words and a [link](https://x.example) here.", 30);

        assertThat(snippet).isEqualTo("Title Some bold words and a …");
    }
}
