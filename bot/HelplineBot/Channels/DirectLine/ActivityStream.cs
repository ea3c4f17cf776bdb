using System.Net.WebSockets;
using System.Text.Json;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// The WebSocket stream of a conversation (protocol.md §5.6): pre-authorised by the token in the URL's
/// "t", it first replays everything after the URL's watermark (so the greeting sent before the socket
/// opened is not lost), then pushes each new ActivitySet as a text frame, with empty frames as
/// keep-alives. Client frames are pings and are ignored.
/// </summary>
public static class ActivityStream
{
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineStore store,
        DirectLineConversations conversations, IVisitorPresence presence, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ActivityStream));
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected a WebSocket request.").ExecuteAsync(http);
            return;
        }
        var caller = await tokens.ValidateCredentialAsync(http.Request.Query["t"]);
        if (!caller.MayUse(conversationId))
        {
            await DirectLineResults.Forbidden(caller).ExecuteAsync(http);
            return;
        }
        if (await store.FindConversationAsync(conversationId, http.RequestAborted) is null)
        {
            await DirectLineResults.NotFound().ExecuteAsync(http);
            return;
        }
        if (!Watermark.TryParse(http.Request.Query["watermark"], out var sent))
        {
            await DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Watermark is not valid.").ExecuteAsync(http);
            return;
        }

        // Subscribe before reading the backlog, so nothing published in between is missed; the seq check
        // below drops what the backlog already carried.
        using var live = await conversations.SubscribeAsync(conversationId, http.RequestAborted);
        // There from the handshake on: a client whose socket has just opened is never taken for gone.
        using var present = presence.Connect(ChannelIds.DirectLine, conversationId);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        DirectLineLog.StreamOpened(logger, conversationId, sent);
        var receiving = DrainClientFramesAsync(socket, stop);
        try
        {
            while (true)
            {
                var backlog = await conversations.ReadAfterAsync(conversationId, sent, 500, stop.Token);
                if (backlog.Count == 0) break;
                sent = backlog[^1].Seq;
                await SendAsync(socket, new ActivitySet(backlog.Select(b => b.Activity).ToList(), Watermark.Format(sent)), stop.Token);
            }

            var frames = live!.Frames;
            while (!stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                wait.CancelAfter(KeepAliveEvery);
                bool hasFrame;
                try
                {
                    hasFrame = await frames.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, stop.Token);
                    continue;
                }
                if (!hasFrame) break;

                var batch = new List<Protocol.Schema.Activity>();
                while (frames.TryRead(out var frame))
                {
                    if (frame.Seq is { } seq)
                    {
                        if (seq <= sent) continue;
                        sent = seq;
                    }
                    batch.Add(frame.Activity);
                }
                if (batch.Count > 0) await SendAsync(socket, new ActivitySet(batch, Watermark.Format(sent)), stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; it reconnects with its watermark and loses nothing.
        }
        finally
        {
            await stop.CancelAsync();
            await receiving;
            // Gone from here on, before the close handshake completes: a client that saw its close answered
            // already counts as gone (the grace period then runs from this moment).
            present.Dispose();
            // Answer the client's close (or close first) so the handshake completes cleanly.
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                }
            }
            DirectLineLog.StreamClosed(logger, conversationId);
        }
    }

    private static Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJsonContext.Default.ActivitySet);
        return socket.SendAsync(json, WebSocketMessageType.Text, true, cancellationToken);
    }

    private static async Task DrainClientFramesAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await stop.CancelAsync();
        }
    }
}
