using PhoneNumbers;

namespace HelplineBot.Dialogs.Engine.Prompts;

/// <summary>
/// Recognises a phone number that can really be dialled (libphonenumber's validity check), read in the
/// configured default region; the value is the number in E.164 form (+13125550123).
/// </summary>
public static class PhonePrompt
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public static PromptOutcome Recognize(string? text, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40 || !text.Any(char.IsDigit)) return PromptOutcome.NotRecognized;
        try
        {
            var number = Numbers.Parse(text, defaultRegion);
            return Numbers.IsValidNumber(number)
                ? PromptOutcome.Recognized(Numbers.Format(number, PhoneNumberFormat.E164))
                : PromptOutcome.NotRecognized;
        }
        catch (NumberParseException)
        {
            return PromptOutcome.NotRecognized;
        }
    }

    /// <summary>True when libphonenumber knows the region code (used to validate the option at start).</summary>
    public static bool IsKnownRegion(string region) => Numbers.GetSupportedRegions().Contains(region);

    /// <summary>How the number is shown back to the person: national format for the default region.</summary>
    public static string Display(string e164, string defaultRegion)
    {
        try
        {
            var number = Numbers.Parse(e164, defaultRegion);
            return Numbers.Format(number, Numbers.GetRegionCodeForNumber(number) == defaultRegion ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
