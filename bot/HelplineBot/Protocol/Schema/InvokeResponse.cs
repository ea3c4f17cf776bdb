using System.Text.Json;

namespace HelplineBot.Protocol.Schema;

/// <summary>The synchronous result of an invoke activity: HTTP status and JSON body (protocol.md §2.3).</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
