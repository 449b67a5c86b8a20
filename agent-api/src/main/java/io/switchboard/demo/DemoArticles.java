package io.switchboard.demo;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.knowledge.ArticleForm;
import io.switchboard.knowledge.ArticleQuery;
import io.switchboard.knowledge.ArticleStatus;
import io.switchboard.knowledge.KnowledgeBase;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Seeds the demo's knowledge base with twenty published articles for its queues ({@code load}, the simulator's
 * inbound queue, and {@code campaign}), so the first pop already suggests some. Runs once the application is ready,
 * after {@link DemoData} has seeded the supervisor who wrote them, and only into an empty knowledge base (an older
 * demo database gets them at its next start).
 */
final class DemoArticles {

    private static final Logger log = LoggerFactory.getLogger(DemoArticles.class);

    private record Seed(String title, String category, List<String> tags, List<String> queues, String body) {}

    private static final List<String> INBOUND = List.of("load", "support");
    private static final List<String> OUTBOUND = List.of("campaign");

    private static final List<Seed> SEEDS = List.of(
            new Seed(
                    "Greeting a caller and confirming who they are",
                    "Calls",
                    List.of("greeting", "identity"),
                    INBOUND,
                    "1. Greet with your name and the company's.\n2. Confirm the caller's **name** and **postcode**"
                            + " against the pop.\n3. If the pop shows several contacts, ask for the e-mail address."),
            new Seed(
                    "Resetting a customer's portal password",
                    "Accounts",
                    List.of("password", "login"),
                    INBOUND,
                    "Send the reset link from the customer's card: *Account → Send password reset*.\n\n"
                            + "The link works for **30 minutes**. Never read a password out on the phone."),
            new Seed(
                    "Invoice shows the wrong address",
                    "Billing",
                    List.of("invoice", "billing", "address"),
                    INBOUND,
                    "Change the billing address under *Account → Billing*; the next invoice uses it.\n\n"
                            + "To correct an invoice already sent, open a ticket with the category **Billing**."),
            new Seed(
                    "Refunds: how long they take",
                    "Billing",
                    List.of("refund", "billing"),
                    INBOUND,
                    "| paid by | refund arrives |\n|---|---|\n| card | 3–5 working days |\n| bank transfer |"
                            + " 5–7 working days |\n| voucher | at once |"),
            new Seed(
                    "Modem lights and what they mean",
                    "Internet",
                    List.of("modem", "router", "internet"),
                    INBOUND,
                    "- **Green, steady**: connected.\n- **Green, blinking**: synchronising (wait 5 minutes).\n"
                            + "- **Red**: no line: check the cable, then open a ticket for Tier 2."),
            new Seed(
                    "Restarting the router the right way",
                    "Internet",
                    List.of("router", "internet", "outage"),
                    INBOUND,
                    "Unplug the power for **30 seconds**, plug it in and wait 5 minutes. Do not press the reset"
                            + " hole: that erases the customer's Wi-Fi settings."),
            new Seed(
                    "Slow internet: the five questions",
                    "Internet",
                    List.of("internet", "speed"),
                    INBOUND,
                    "1. Cable or Wi-Fi?\n2. One device or all?\n3. Since when?\n4. Speed test result"
                            + " (`speedtest.example.org`)?\n5. Router restarted?\n\nUnder half the contract speed on"
                            + " cable: escalate to Tier 2."),
            new Seed(
                    "Known outage: what to tell callers",
                    "Internet",
                    List.of("outage", "internet"),
                    INBOUND,
                    "Check the status page first. During an outage: apologise, give the expected fix time, offer"
                            + " a call back by SMS. No ticket per caller: link the call to the outage ticket."),
            new Seed(
                    "Changing a delivery address",
                    "Orders",
                    List.of("delivery", "order", "address"),
                    INBOUND,
                    "Possible until the order shows **Packed**. After that, the courier's redirect service"
                            + " (link in the dispatch e-mail) is the only way."),
            new Seed(
                    "Where is my order?",
                    "Orders",
                    List.of("delivery", "order", "tracking"),
                    INBOUND,
                    "Read the tracking status from the order. No movement for **3 working days**: open a ticket,"
                            + " category *Delivery*, and tell the caller we chase the courier."),
            new Seed(
                    "Returns within 30 days",
                    "Orders",
                    List.of("return", "order", "refund"),
                    INBOUND,
                    "Unused goods go back free within 30 days of delivery. Send the return label from the order;"
                            + " the refund starts when the parcel arrives (see *Refunds: how long they take*)."),
            new Seed(
                    "Damaged goods on arrival",
                    "Orders",
                    List.of("damaged", "return", "order"),
                    INBOUND,
                    "Ask for a photo by e-mail, then send a replacement at once: no return needed under **100 €**."),
            new Seed(
                    "VIP callers: what is different",
                    "Calls",
                    List.of("vip"),
                    INBOUND,
                    "Contacts tagged **vip** get a call back within **1 hour** if a ticket is opened, and their"
                            + " tickets start at priority *High*. Offer the direct line of the account manager."),
            new Seed(
                    "Cancelling a contract",
                    "Contracts",
                    List.of("cancel", "contract"),
                    INBOUND,
                    "Confirm the notice period on the contract page. Offer the retention discount once; if the"
                            + " caller declines, note the cancellation date and send the confirmation e-mail."),
            new Seed(
                    "Upgrading a contract",
                    "Contracts",
                    List.of("upgrade", "contract", "sales"),
                    INBOUND,
                    "An upgrade starts the next day; the price changes with the next invoice. No new minimum term."),
            new Seed(
                    "Escalating to Tier 2: what to write",
                    "Tickets",
                    List.of("escalation", "ticket"),
                    INBOUND,
                    "Write **what the caller sees**, what you tried and the result, and when the caller can be"
                            + " reached. Tier 2 answers within the SLA shown on the ticket."),
            new Seed(
                    "Taking a payment by phone",
                    "Billing",
                    List.of("payment", "billing", "card"),
                    INBOUND,
                    "Pause the recording first (*Pause* on the desktop), then transfer the caller to the payment"
                            + " line. Never type card numbers into notes."),
            new Seed(
                    "Winter offer: the script",
                    "Campaign",
                    List.of("offer", "sales"),
                    OUTBOUND,
                    "Introduce yourself, mention the **winter offer** (20 % off for 12 months), ask one question"
                            + " about their current plan. Respect a *no* at once and mark the lead."),
            new Seed(
                    "Do-not-call requests during a campaign",
                    "Campaign",
                    List.of("dnc", "privacy"),
                    OUTBOUND,
                    "If a customer asks not to be called again, say that we remove them, choose the disposition"
                            + " **Do not call**, and end the call politely. The number is never dialled again."),
            new Seed(
                    "Answering machines in a campaign",
                    "Campaign",
                    List.of("voicemail", "campaign"),
                    OUTBOUND,
                    "Leave no message. Choose the disposition *Answering machine*: the lead is retried later"
                            + " within its call window."));

    private final KnowledgeBase knowledgeBase;
    private final Directory directory;

    DemoArticles(KnowledgeBase knowledgeBase, Directory directory) {
        this.knowledgeBase = knowledgeBase;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        DirectoryUser author = directory.findByUsername("supervisor").orElse(null);
        if (author == null
                || !knowledgeBase
                        .find(new ArticleQuery(null, ArticleStatus.PUBLISHED, false), 0, 1, author.viewer())
                        .isEmpty()) {
            return;
        }
        for (Seed seed : SEEDS) {
            knowledgeBase.create(
                    new ArticleForm(
                            seed.title(),
                            seed.body(),
                            seed.category(),
                            seed.tags(),
                            seed.queues(),
                            List.of(seed.category())),
                    ArticleStatus.PUBLISHED,
                    author.viewer());
        }
        log.info("Demo knowledge base seeded: {} published articles", SEEDS.size());
    }
}
