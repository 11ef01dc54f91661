import { describe, expect, it } from "vitest";
import { createTestBot } from "../../support/bot-harness.js";
import { GROUP_CHAT, textMessage } from "../../support/telegram-updates.js";
import { checkTelegramHtml } from "../../support/telegram-html.js";

describe("/privacy", () => {
  it("says what is (not) stored, for how long, and that bot chats are not end-to-end encrypted", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/privacy"));
    const text = checkTelegramHtml(String(t.api.last("sendMessage").text)).text;
    expect(text).toMatch(/does not keep your user id, name, username/);
    expect(text).toMatch(/held in a queue until the answer is sent, then deleted/);
    expect(text).toMatch(/update number is kept, for 24 hours/);
    expect(text).toMatch(/chat ids or IP address/);
    expect(text).toMatch(/nor the text of questions it answered/);
    expect(text).toMatch(/which FAQ entry, where .* and the hour/);
    expect(text).toMatch(
      /e-mail addresses, links, @handles and long numbers .* removed; .* first and last asked; and the closest entry/,
    );
    expect(text).toMatch(/At most 10,000 such questions are kept .* the least asked go first/);
    expect(text).toMatch(/👍 \/ 👎: the entry, the vote and the hour/);
    expect(text).toMatch(/one-way code .* for 48 hours/);
    expect(text).toMatch(/questions per minute under another one-way code/);
    expect(text).toMatch(/deleted after 30 days/);
    expect(text).toMatch(/not end-to-end encrypted/);
    expect(t.api.problems).toEqual([]);
  });

  it("states the configured retention", async () => {
    const t = await createTestBot({ deps: { retentionDays: 7 } });
    await t.send(textMessage(1, "/privacy"));
    expect(String(t.api.last("sendMessage").text)).toMatch(/deleted after 7 days/);
  });

  it("works in groups too, as a reply", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/privacy@PrivacyFaqTestBot", { chat: GROUP_CHAT, messageId: 9 }));
    expect(t.api.last("sendMessage").reply_parameters).toMatchObject({ message_id: 9 });
  });
});
