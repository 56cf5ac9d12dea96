using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// Forms and query strings bind enums by the rule of the API (<see cref="StrictEnumJsonConverter"/>): one defined
/// member by name. The framework's converter would take "Blue,Red" or "5" and hand the service a value that is no member.
/// </summary>
public sealed class StrictEnumModelBinder(Type enumType) : IModelBinder
{
    /// <summary>The binding error <see cref="QueryBindingPageFilter"/> answers with a problem.</summary>
    public const string NotAMember = Domain.CoreErrorCodes.Validation.NotAMember;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);

        var text = result.FirstValue;
        if (string.IsNullOrEmpty(text))
        {
            // An empty choice is "not given" for a nullable enum; the service reports it as required.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
            else bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "required");
            return Task.CompletedTask;
        }
        if (result.Length == 1 && StrictEnumJsonConverter.TryParse(enumType, text, out var value))
            bindingContext.Result = ModelBindingResult.Success(value);
        else
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, NotAMember);
        return Task.CompletedTask;
    }
}

public sealed class StrictEnumModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum ? new StrictEnumModelBinder(type) : null;
    }
}
