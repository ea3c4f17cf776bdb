using System.Text.Json;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Hosting;

/// <summary>
/// Reads one activity from a request body: JSON content type (415), size limit (413), parsable JSON
/// with a type (400). Never throws for bad input; the endpoint turns the outcome into its error shape.
/// </summary>
public sealed class ActivityReader(IOptions<LimitsOptions> limits)
{
    public async Task<ActivityReadOutcome> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
            return ActivityReadOutcome.Fail(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json.");

        var max = limits.Value.MaxActivityBytes;
        if (request.ContentLength > max)
            return ActivityReadOutcome.Fail(StatusCodes.Status413PayloadTooLarge, $"Activity is larger than {max} bytes.");

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                return ActivityReadOutcome.Fail(StatusCodes.Status413PayloadTooLarge, $"Activity is larger than {max} bytes.");
            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return ActivityReadOutcome.Fail(StatusCodes.Status400BadRequest, "Body is not a valid activity JSON object.");
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return ActivityReadOutcome.Fail(StatusCodes.Status400BadRequest, "Activity has no type.");
        return ActivityReadOutcome.Ok(activity);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/vnd.microsoft.activity", StringComparison.OrdinalIgnoreCase));
}

public sealed record ActivityReadOutcome(Activity? Activity, int Status, string? Reason)
{
    public bool IsSuccess => Activity is not null;
    public static ActivityReadOutcome Ok(Activity activity) => new(activity, StatusCodes.Status200OK, null);
    public static ActivityReadOutcome Fail(int status, string reason) => new(null, status, reason);
}
