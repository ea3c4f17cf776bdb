using System.Security.Cryptography;
using HelplineBot.Storage;
using Microsoft.Extensions.Options;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// The Direct Line secret: from configuration, or generated once and kept in the data folder so a bot
/// with nothing configured still works and keeps its tokens valid across restarts.
/// </summary>
public sealed class DirectLineSecret
{
    private readonly byte[] _secretBytes;

    public DirectLineSecret(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage, ILogger<DirectLineSecret> logger)
    {
        var configured = options.Value.Secret;
        if (string.IsNullOrEmpty(configured))
        {
            configured = LoadOrCreateDevelopmentSecret(storage.Value.DataFolderFullPath);
            DirectLineLog.UsingGeneratedSecret(logger);
        }
        Value = configured;
        _secretBytes = System.Text.Encoding.UTF8.GetBytes(configured);
        SigningKey = HMACSHA256.HashData(_secretBytes, "helplinebot directline token signing v1"u8);
    }

    public string Value { get; }

    /// <summary>Key that signs conversation tokens, derived from the secret so rotating the secret revokes every token.</summary>
    public byte[] SigningKey { get; }

    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(_secretBytes, System.Text.Encoding.UTF8.GetBytes(candidate));

    private static string LoadOrCreateDevelopmentSecret(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "directline-secret.txt");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32) return existing;
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(secret);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance on the same data folder wrote it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
