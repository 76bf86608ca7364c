"""End-to-end: the real discord.py client against the fake Discord server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import io
import time

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import CallbackType, FakeDiscord, Op
from tests.fakediscord.gateway import RESUME_PATH
from tests.fakediscord.plugin import BotRunner

MESSAGES = r"^/channels/\d+/messages$"


class ButtonView(discord.ui.View):
    @discord.ui.button(label="OK", custom_id="ok")
    async def ok(self, interaction: discord.Interaction, button: discord.ui.Button[ButtonView]) -> None:
        await interaction.response.edit_message(content=f"clicked by {interaction.user.name}", view=None)


class EchoBot(commands.Bot):
    """A minimal bot: prefix + hybrid commands, a context menu, a button; records command errors."""

    def __init__(self, *, message_content: bool = True, sync_guild: int | None = None) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content
        super().__init__(
            command_prefix=commands.when_mentioned_or("!"),
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
        )
        self.sync_guild = sync_guild
        self.command_errors: list[commands.CommandError] = []
        self.add_command(ping)
        self.add_command(ask)
        self.add_command(slow)
        self.add_command(lazy)
        self.add_command(button)
        self.add_command(upload)
        self.add_command(shout)
        self.tree.add_command(app_commands.ContextMenu(name="Quote", callback=quote))

    async def setup_hook(self) -> None:
        if self.sync_guild is not None:
            guild = discord.Object(self.sync_guild)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
        await self.tree.sync()

    async def on_command_error(self, ctx: commands.Context[EchoBot], error: commands.CommandError) -> None:
        self.command_errors.append(error)


@commands.hybrid_command()
async def ping(ctx: commands.Context[EchoBot]) -> None:
    await ctx.send("pong")


@commands.hybrid_command()
async def ask(ctx: commands.Context[EchoBot], query: str, limit: int = 3) -> None:
    await ctx.send(f"{query}:{limit}")


@ask.autocomplete("query")
async def ask_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    topics = ["nuclear posture", "nuclear triad", "nato article 5"]
    return [app_commands.Choice(name=t, value=t) for t in topics if t.startswith(current)]


@commands.hybrid_command()
async def slow(ctx: commands.Context[EchoBot]) -> None:
    await ctx.defer()
    await asyncio.sleep(0.05)
    await ctx.send("done thinking")


@commands.hybrid_command()
async def lazy(ctx: commands.Context[EchoBot]) -> None:
    await asyncio.sleep(0.3)  # "retrieval" without deferring first
    await ctx.send("too late")


@commands.command()
async def button(ctx: commands.Context[EchoBot]) -> None:
    await ctx.send("press it", view=ButtonView())


@commands.command()
async def upload(ctx: commands.Context[EchoBot]) -> None:
    await ctx.send("here", file=discord.File(io.BytesIO(b"policy text"), filename="brief.txt"))


@commands.command()
async def shout(ctx: commands.Context[EchoBot]) -> None:
    await ctx.send("A" * 2001)


async def quote(interaction: discord.Interaction, message: discord.Message) -> None:
    await interaction.response.send_message(f"> {message.content}")


async def command_error(bot: EchoBot, timeout: float = 3.0) -> commands.CommandError:
    """The single command error the bot recorded (client-side state, so poll for it)."""
    deadline = time.monotonic() + timeout
    while not bot.command_errors and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    (error,) = bot.command_errors
    return error


async def start(run_bot: BotRunner, **kwargs: object) -> EchoBot:
    bot = EchoBot(**kwargs)  # type: ignore[arg-type]
    await run_bot(bot)
    return bot


# -- connection flow ----------------------------------------------------------------------------


async def test_login_identify_ready_and_guild_cache(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = await start(run_bot)
    assert bot.user is not None and str(bot.user.id) == fake_discord.bot_user.id
    assert str(bot.application_id) == fake_discord.application_id
    identify = fake_discord.identifies[0]
    assert identify["intents"] == bot.intents.value
    assert identify["token"] == "fake"
    assert fake_discord.requests_to("GET", "^/users/@me$")[0].headers["Authorization"] == "Bot fake"
    assert fake_discord.requests_to("GET", "^/oauth2/applications/@me$")
    synced = fake_discord.requests_to("PUT", r"^/applications/\d+/commands$")[0]
    assert {c["name"] for c in synced.json} == {"ping", "ask", "slow", "lazy", "Quote"}
    guild = bot.get_guild(int(fake_discord.guild.id))
    assert guild is not None and guild.get_channel(int(fake_discord.general.id)) is not None
    assert guild.me is not None and {r.name for r in guild.roles} >= {"@everyone", "Admin"}
    assert fake_discord.gateway.connections[0].compressed  # zlib-stream honoured, as Discord does


async def test_plain_text_frames_are_accepted(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    fake_discord.gateway.compress = False
    await start(run_bot)
    assert not fake_discord.gateway.connections[0].compressed
    await fake_discord.send_message("!ping")
    assert (await fake_discord.wait_for_message(fake_discord.general)).content == "pong"


async def test_bad_token_fails_login(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    with pytest.raises(discord.LoginFailure):
        await run_bot(EchoBot(), token="wrong")


async def test_disallowed_privileged_intent_closes_with_4014(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    fake_discord.gateway.allowed_privileged_intents = 0
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await start(run_bot, message_content=True)


async def test_autosharded_client_uses_gateway_bot(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = commands.AutoShardedBot(command_prefix="!", intents=discord.Intents.default())
    await run_bot(bot)
    assert fake_discord.requests_to("GET", "^/gateway/bot$")
    assert fake_discord.identifies[0]["shard"] == [0, 1]
    assert bot.get_guild(int(fake_discord.guild.id)) is not None


async def test_heartbeats_are_acked(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    fake_discord.gateway.heartbeat_interval_ms = 50
    bot = await start(run_bot)
    await fake_discord.changes.wait_for(
        lambda: sum(f.op == Op.HEARTBEAT for f in fake_discord.gateway.received) >= 3 or None,
        timeout=2,
        what="3 heartbeats",
    )
    assert bot.latency < 1


# -- messages -----------------------------------------------------------------------------------


async def test_prefix_command_reply_is_captured(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    await fake_discord.send_message("!ping")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.content == "pong"
    assert sent.payload["allowed_mentions"] == {"parse": []}
    assert sent.request.method == "POST" and sent.request.status == 200


async def test_mention_prefix_works_without_message_content_intent(
    fake_discord: FakeDiscord, run_bot: BotRunner
) -> None:
    bot = await start(run_bot, message_content=False)
    assert not bot.intents.message_content
    await fake_discord.send_message("!ping")  # Discord blanks this: the bot cannot see the prefix
    await fake_discord.send_message(f"{fake_discord.bot_user.mention} ping")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.content == "pong"
    delivered = fake_discord.session.events("MESSAGE_CREATE")
    assert [m["content"] for m in delivered if m["author"]["id"] != fake_discord.bot_user.id] == [
        "",
        f"<@{fake_discord.bot_user.id}> ping",
    ]
    await asyncio.sleep(0.1)
    assert len(fake_discord.messages_in(fake_discord.general)) == 1


async def test_dm_content_is_visible_without_message_content_intent(
    fake_discord: FakeDiscord, run_bot: BotRunner
) -> None:
    await start(run_bot, message_content=False)
    dm = await fake_discord.send_dm("!ping")
    sent = await fake_discord.wait_for_message(dm["channel_id"])
    assert sent.content == "pong"


async def test_file_upload_uses_multipart_payload_json(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    await fake_discord.send_message("!upload")
    sent = await fake_discord.wait_for_message()
    assert sent.request.headers["Content-Type"].startswith("multipart/form-data")
    assert sent.payload["allowed_mentions"] == {"parse": []}
    assert [f.data for f in sent.files] == [b"policy text"]
    assert sent.message["attachments"][0]["filename"] == "brief.txt"


async def test_over_long_message_is_rejected_like_discord(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = await start(run_bot)
    await fake_discord.send_message("!shout")
    rejected = await fake_discord.wait_for_request("POST", MESSAGES)
    assert rejected.status == 400
    error = await command_error(bot)
    assert isinstance(error, commands.CommandInvokeError)
    assert isinstance(error.original, discord.HTTPException) and error.original.code == 50035


# -- failures -----------------------------------------------------------------------------------


async def test_429_is_retried_and_exactly_one_message_arrives(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    fake_discord.fail_next("POST", MESSAGES, status=429, retry_after=0.3)
    began = time.monotonic()
    await fake_discord.send_message("!ping")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert time.monotonic() - began >= 0.3
    assert sent.content == "pong"
    assert [r.status for r in fake_discord.requests_to("POST", MESSAGES)] == [429, 200]
    assert len(fake_discord.messages_in(fake_discord.general)) == 1


async def test_500_is_retried_by_discord_py(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    """discord.py retries 500/502/504/524 up to 5 times, sleeping 1 + 2*attempt seconds."""
    await start(run_bot)
    fake_discord.fail_next("POST", MESSAGES, status=500)
    await fake_discord.send_message("!ping")
    sent = await fake_discord.wait_for_message(fake_discord.general, timeout=5)
    assert sent.content == "pong"
    assert [r.status for r in fake_discord.requests_to("POST", MESSAGES)] == [500, 200]


async def test_503_raises_discord_server_error(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    """Any other 5xx (e.g. 503) is not retried by HTTPClient: DiscordServerError reaches the command."""
    bot = await start(run_bot)
    fake_discord.fail_next("POST", MESSAGES, status=503)
    await fake_discord.send_message("!ping")
    await fake_discord.wait_for_request("POST", MESSAGES)
    error = await command_error(bot)
    assert isinstance(error, commands.CommandInvokeError)
    assert isinstance(error.original, discord.DiscordServerError)
    assert fake_discord.messages_in(fake_discord.general) == []


async def test_reset_is_a_connection_error_for_discord_py(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    """A TCP reset (RST) on Linux is not retried by HTTPClient: the error reaches the command."""
    bot = await start(run_bot)
    fake_discord.fail_next("POST", MESSAGES, reset=True)
    await fake_discord.send_message("!ping")
    error = await command_error(bot)
    assert isinstance(error.original, OSError | aiohttp.ClientConnectionError)
    assert fake_discord.messages_in(fake_discord.general) == []


async def test_reset_after_posting_keeps_the_message(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    fake_discord.fail_next("POST", MESSAGES, reset=True, after=True)
    await fake_discord.send_message("!ping")
    sent = await fake_discord.wait_for_message(fake_discord.general)
    assert sent.content == "pong"
    assert fake_discord.requests_to("POST", MESSAGES)[0].status is None  # no answer was sent


async def test_enforce_nonce_returns_the_first_message(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = await start(run_bot)
    channel = bot.get_channel(int(fake_discord.general.id))
    first = await channel.send("once", nonce=42)
    second = await channel.send("once again", nonce=42)
    third = await channel.send("new", nonce=43)
    assert second.id == first.id and second.content == "once" and third.id != first.id
    assert [m.content for m in fake_discord.messages_in(fake_discord.general)] == ["once", "new"]


async def test_403_is_missing_permissions(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = await start(run_bot)
    fake_discord.fail_next("POST", MESSAGES, status=403)
    with pytest.raises(discord.Forbidden) as caught:
        await bot.get_channel(int(fake_discord.general.id)).send("hello")
    assert caught.value.code == 50013 and caught.value.text == "Missing Permissions"


async def test_gateway_disconnect_resumes_and_replays_missed_events(
    fake_discord: FakeDiscord, run_bot: BotRunner
) -> None:
    await start(run_bot)
    session = fake_discord.session
    await fake_discord.disconnect(code=4000)
    await fake_discord.send_message("!ping")  # dispatched while the bot is away: replayed on RESUME
    resumed = await fake_discord.wait_for_resume()
    assert resumed is session
    assert fake_discord.resumes[0]["session_id"] == session.session_id
    assert session.connection is not None and session.connection.path == RESUME_PATH
    assert (await fake_discord.wait_for_message(fake_discord.general)).content == "pong"
    await fake_discord.send_message("!ping")
    assert (await fake_discord.wait_for_message(fake_discord.general)).content == "pong"
    assert len(fake_discord.identifies) == 1


async def test_dropped_tcp_connection_resumes(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    fake_discord.drop_connection()
    await fake_discord.wait_for_resume()
    assert fake_discord.gateway.closed_codes == [1006]
    await fake_discord.send_message("!ping")
    assert (await fake_discord.wait_for_message()).content == "pong"


async def test_op7_reconnect_resumes(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    await fake_discord.request_reconnect()
    await fake_discord.wait_for_resume()
    await fake_discord.send_message("!ping")
    assert (await fake_discord.wait_for_message()).content == "pong"


async def test_unknown_route_is_404_and_recorded(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = await start(run_bot)
    with pytest.raises(discord.NotFound):
        await bot.http.request(discord.http.Route("GET", "/guilds/{g}/audit-logs", g=fake_discord.guild.id))
    (unhandled,) = fake_discord.unhandled_requests
    assert unhandled.path.endswith("/audit-logs") and unhandled.status == 404
    fake_discord.unhandled_requests.clear()  # else the fixture warns at teardown


# -- interactions -------------------------------------------------------------------------------


async def test_slash_command_gets_interaction_callback(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    interaction = await fake_discord.send_slash_command("ping")
    callback = await fake_discord.wait_for_interaction_callback(interaction, timeout=3)
    assert callback.type == CallbackType.CHANNEL_MESSAGE_WITH_SOURCE
    assert callback.data is not None and callback.data["content"] == "pong"
    assert callback.data["allowed_mentions"] == {"parse": []}
    assert callback.latency < 3
    assert fake_discord.interaction_callbacks == [callback]


async def test_guild_synced_slash_command_with_options(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot, sync_guild=int(fake_discord.guild.id))
    interaction = await fake_discord.send_slash_command("ask", {"query": "nato", "limit": "5"})
    assert interaction.payload["data"]["guild_id"] == fake_discord.guild.id
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["content"] == "nato:5"


async def test_deferred_response_then_followup(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    interaction = await fake_discord.send_slash_command("slow")
    callback = await fake_discord.wait_for_interaction_callback(interaction)
    assert callback.type == CallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    response = await fake_discord.wait_for_interaction_response(interaction)
    assert response["content"] == "done thinking"


async def test_answer_after_deadline_is_unknown_interaction(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    """Discord drops interactions not answered within 3 s (shortened here): the bot must defer."""
    bot = await start(run_bot)
    fake_discord.interaction_deadline = 0.2
    interaction = await fake_discord.send_slash_command("lazy")
    rejected = await fake_discord.wait_for_request("POST", r"^/interactions/")
    assert rejected.status == 404 and interaction.callback is None
    error = await command_error(bot)
    assert isinstance(error, commands.HybridCommandError)
    assert isinstance(error.original, app_commands.CommandInvokeError)
    assert isinstance(error.original.original, discord.NotFound) and error.original.original.code == 10062


async def test_autocomplete(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    interaction = await fake_discord.send_autocomplete("ask", {"query": "nuc"}, focused="query")
    callback = await fake_discord.wait_for_interaction_callback(interaction)
    assert callback.type == CallbackType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    assert callback.data is not None
    assert [c["value"] for c in callback.data["choices"]] == ["nuclear posture", "nuclear triad"]


async def test_button_click_updates_message(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    await fake_discord.send_message("!button")
    sent = await fake_discord.wait_for_message()
    assert sent.message["components"][0]["components"][0]["custom_id"] == "ok"
    interaction = await fake_discord.send_component(sent, "ok", user=fake_discord.admin)
    callback = await fake_discord.wait_for_interaction_callback(interaction)
    assert callback.type == CallbackType.UPDATE_MESSAGE
    assert fake_discord.state.messages[sent.id]["content"] == "clicked by alice"


async def test_message_context_menu(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    await start(run_bot)
    target = await fake_discord.send_message("Article 5 is collective defence")
    interaction = await fake_discord.send_message_command("Quote", target)
    assert interaction.payload["data"]["resolved"]["messages"][target["id"]]["content"] == target["content"]
    callback = await fake_discord.wait_for_interaction_callback(interaction)
    assert callback.data is not None and callback.data["content"] == "> Article 5 is collective defence"


async def test_second_ack_is_rejected(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    bot = await start(run_bot)
    interaction = await fake_discord.send_slash_command("ping")
    await fake_discord.wait_for_interaction_callback(interaction)
    route = discord.http.Route(
        "POST", "/interactions/{id}/{token}/callback", id=interaction.id, token=interaction.token
    )
    with pytest.raises(discord.HTTPException) as excinfo:
        await bot.http.request(route, json={"type": 4, "data": {"content": "again"}})
    assert excinfo.value.code == 40060


# -- teardown -----------------------------------------------------------------------------------


async def test_stopping_the_bot_leaves_no_tasks(fake_discord: FakeDiscord, run_bot: BotRunner) -> None:
    before = asyncio.all_tasks()
    bot = await start(run_bot)
    await fake_discord.send_message("!ping")
    await fake_discord.wait_for_message()
    await run_bot.stop(bot)
    assert bot.is_closed()
    await fake_discord.changes.wait_for(lambda: fake_discord.gateway.closed_codes or None, timeout=2, what="close")
    assert fake_discord.session.connection is None
    deadline = time.monotonic() + 2
    while (leftover := asyncio.all_tasks() - before) and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    assert leftover == set()
    # Quirk: Client.close() calls ws.close(1000) while poll_event() is blocked in receive(); aiohttp
    # wakes that reader with CLOSING, discord.py's handler closes with 4000 first, and that is the code
    # that goes on the wire -- so Discord (and the fake) keep the session resumable.
    assert fake_discord.gateway.closed_codes == [4000]
