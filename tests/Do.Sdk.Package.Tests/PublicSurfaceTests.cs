using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Do.Sdk.Package.Tests.Infrastructure;

namespace Do.Sdk.Package.Tests;

/// <summary>
/// The public surface of the packed Do.Sdk.dll, read from its metadata (nothing is loaded or reflected over): the
/// typed DSL and its records in <c>Do</c>, storage internal, the generator contract hidden in <c>Do.Infrastructure</c>.
/// </summary>
[Collection(PackageFixture.Collection)]
public sealed class PublicSurfaceTests(PackageFixture package)
{
    [Fact]
    public void No_public_type_is_left_in_Do_Storage()
    {
        var types = PublicTypes();

        Assert.Contains(types, t => t.Namespace == "Do" && t.Name == "DoHost"); // the reader sees the public surface
        Assert.Empty(types.Where(t => t.Namespace == "Do.Storage" || t.Namespace.StartsWith("Do.Storage.", StringComparison.Ordinal)).Select(t => t.FullName));
    }

    [Theory]
    [InlineData("EventRecord")]
    [InlineData("ObjectLink")]
    [InlineData("ActionStatus")]
    [InlineData("Durability")]
    public void Records_handed_to_users_are_in_Do(string name)
    {
        Assert.Contains(PublicTypes(), t => t.Namespace == "Do" && t.Name == name);
    }

    [Theory]
    [InlineData("NounInfo")]
    [InlineData("VerbInfo")]
    [InlineData("NounProperty")]
    [InlineData("VerbResult")]
    [InlineData("DoRegistry")]
    [InlineData("NounJson")]
    [InlineData("ObjectClassInfo")]
    [InlineData("NounVerbDispatcher")]
    [InlineData("ObjectVerbDispatcher")]
    public void Generator_contract_types_are_in_Do_Infrastructure_and_hidden_from_IntelliSense(string name)
    {
        var type = Assert.Single(PublicTypes(), t => t.Name == name);

        Assert.Equal("Do.Infrastructure", type.Namespace);
        Assert.True(type.HiddenFromEditor, $"{type.FullName} has no [EditorBrowsable(EditorBrowsableState.Never)]");
    }

    [Fact]
    public void Every_public_type_in_Do_Infrastructure_is_hidden_from_IntelliSense()
    {
        var infrastructure = PublicTypes().Where(t => t.Namespace == "Do.Infrastructure").ToList();

        Assert.NotEmpty(infrastructure);
        Assert.Empty(infrastructure.Where(t => !t.HiddenFromEditor).Select(t => t.FullName));
    }

    private sealed record PublicType(string Namespace, string Name, bool HiddenFromEditor)
    {
        public string FullName => $"{Namespace}.{Name}";
    }

    /// <summary>Top-level public types of <c>lib/net10.0/Do.Sdk.dll</c> in the packed package.</summary>
    private List<PublicType> PublicTypes()
    {
        _ = package.Pack;
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var bytes = new MemoryStream();
        using (var dll = archive.GetEntry("lib/net10.0/Do.Sdk.dll")!.Open())
        {
            dll.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var metadata = pe.GetMetadataReader();
        var types = new List<PublicType>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
            {
                continue; // internal, or nested (nested public types are only as visible as their public parent)
            }

            types.Add(new PublicType(metadata.GetString(type.Namespace), metadata.GetString(type.Name), IsHiddenFromEditor(metadata, type)));
        }

        return types;
    }

    /// <summary>True when the type carries <c>[EditorBrowsable(EditorBrowsableState.Never)]</c>.</summary>
    private static bool IsHiddenFromEditor(MetadataReader metadata, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "EditorBrowsableAttribute")
            {
                continue;
            }

            // The blob is the prolog (0x0001) then the one int32 argument; Never is 1.
            var value = metadata.GetBlobReader(attribute.Value);
            return value.ReadUInt16() == 1 && value.ReadInt32() == 1;
        }

        return false;
    }
}
