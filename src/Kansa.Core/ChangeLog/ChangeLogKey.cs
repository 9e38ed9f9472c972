using System.Security.Cryptography;
using System.Text.Json;

namespace Kansa.ChangeLog;

/// <summary>
/// The secrets that anchor the change log, kept in a file outside the database: an HMAC-SHA256 key that seals
/// every line (so whoever can only write the database cannot re-hash a rewritten chain) and an ECDSA P-256
/// key pair that signs checkpoints of the chain's head (so an auditor can check a checkpoint with the public
/// key alone).
/// </summary>
public sealed class ChangeLogKey
{
    private const string Format = "kansa-audit-key/1";

    private readonly byte[] mac;
    private readonly ECDsa signing;

    private ChangeLogKey(byte[] mac, ECDsa signing)
    {
        this.mac = mac;
        this.signing = signing;
        PublicKey = signing.ExportSubjectPublicKeyInfo();
        Id = Convert.ToHexStringLower(SHA256.HashData(PublicKey))[..8];
    }

    /// <summary>A short public name of this key (from the public key), written into every sealed line.</summary>
    public string Id { get; }

    /// <summary>The checkpoint-signing public key (SubjectPublicKeyInfo, DER).</summary>
    public byte[] PublicKey { get; }

    /// <summary>The public key as PEM, for an auditor.</summary>
    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKey);

    /// <summary>A new random key.</summary>
    public static ChangeLogKey Generate() => new(RandomNumberGenerator.GetBytes(32), ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>HMAC-SHA256 of the text with the secret key.</summary>
    public byte[] Mac(byte[] data) => HMACSHA256.HashData(mac, data);

    /// <summary>Signs data with the private key (IEEE P1363 format).</summary>
    public byte[] Sign(byte[] data) => signing.SignData(data, HashAlgorithmName.SHA256);

    /// <summary>Checks a signature made by <see cref="Sign"/> against a public key (SubjectPublicKeyInfo, DER).</summary>
    public static bool VerifySignature(byte[] publicKey, byte[] data, byte[] signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(publicKey, out _);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256);
    }

    /// <summary>The short name of a public key, as <see cref="Id"/> computes it.</summary>
    public static string IdOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..8];

    /// <summary>Reads a key file; null when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a Kansa audit key.</exception>
    public static ChangeLogKey? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path))
                ?? throw new InvalidDataException("empty");
            if (stored.Format != Format)
            {
                throw new InvalidDataException("format");
            }

            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.Signing), out _);
            return new ChangeLogKey(Convert.FromBase64String(stored.Hmac), ecdsa);
        }
        catch (Exception e) when (e is JsonException or FormatException or CryptographicException or InvalidDataException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: 操作記録の鍵ファイルとして読めません", e);
        }
    }

    /// <summary>
    /// Reads the key file, or creates it with a new key (readable by its owner only, 0600) when it does not exist yet.
    /// Two processes creating it at once end up with the same key: the file appears atomically, the loser reads it.
    /// </summary>
    public static ChangeLogKey LoadOrCreate(string path)
    {
        if (Load(path) is { } existing)
        {
            return existing;
        }

        var key = Generate();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, new Stored(Format, Convert.ToBase64String(key.mac), Convert.ToBase64String(key.signing.ExportPkcs8PrivateKey())));
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, full, overwrite: false);
        }
        catch (IOException) when (File.Exists(full))
        {
            File.Delete(temp);
            return Load(full)!;
        }

        // The public half beside it, for auditors; losing it loses nothing (change-log public-key writes it again).
        File.WriteAllText(full + ".pub", key.PublicKeyPem + "\n");
        return key;
    }

    private sealed record Stored(string Format, string Hmac, string Signing);
}
