<#--
  明镜 (Mingjing) page frame. Derived from keycloak.v2/login/template.ftl (Keycloak 26.7.3); same macro
  name, parameters and nested sections, so every inherited page keeps working. Changes:
  county band (realm display name, platform name, motto, county colour), plain-link language switcher,
  no PatternFly / dark mode, no favicon request; on the login page the phone-number hint, a forgotten
  password's way (the portal's activation page) and a link back to the portal (the client's base URL).

  Branding values are read, first match wins, from:
    1. attributes of the client the login comes through (client "mingjing-portal"): mingjing.color,
       mingjing.platformName, mingjing.motto   (ClientBean.getAttributes())
    2. realm attributes with the same names                                (RealmBean.getAttributes())
    3. colour only: theme property mingjingDefaultColor, then #b03a2e
-->
<#import "field.ftl" as field>
<#import "footer.ftl" as loginFooter>
<#import "theme-resources.ftl" as themeResourceTags>

<#assign mjHexDigits = "0123456789abcdef">

<#function mjAttr name>
  <#if client?? && (client.attributes[name])?? && client.attributes[name]?trim?has_content>
    <#return client.attributes[name]?trim>
  </#if>
  <#if realm?? && (realm.attributes[name])?? && realm.attributes[name]?trim?has_content>
    <#return realm.attributes[name]?trim>
  </#if>
  <#return "">
</#function>

<#-- "#rgb", "#rrggbb" (or without "#") -> "#rrggbb"; anything else -> "" (never emit unvalidated CSS) -->
<#function mjNormColor value>
  <#local c = value?trim?lower_case?remove_beginning("#")>
  <#if c?matches("[0-9a-f]{3}")>
    <#return "#" + c[0] + c[0] + c[1] + c[1] + c[2] + c[2]>
  <#elseif c?matches("[0-9a-f]{6}")>
    <#return "#" + c>
  </#if>
  <#return "">
</#function>

<#-- sRGB channel (two hex digits) -> linear light, cubic approximation (error < 0.002) -->
<#function mjLin c2>
  <#local v = (mjHexDigits?index_of(c2[0]) * 16 + mjHexDigits?index_of(c2[1])) / 255>
  <#return 0.012522878 * v + 0.682171111 * v * v + 0.305306011 * v * v * v>
</#function>

<#-- WCAG relative luminance of "#rrggbb" -->
<#function mjLuminance color>
  <#return 0.2126 * mjLin(color[1..2]) + 0.7152 * mjLin(color[3..4]) + 0.0722 * mjLin(color[5..6])>
</#function>

<#macro username>
  <#assign label>
    <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
  </#assign>
  <@field.group name="username" label=label>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} ${properties.kcFormReadOnlyClass}">
          <input id="kc-attempted-username" value="${auth.attemptedUsername}" readonly>
        </span>
      </div>
    </div>
    <p class="mj-restart"><a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a></p>
  </@field.group>
</#macro>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<#assign mjColor = mjNormColor(mjAttr("mingjing.color"))>
<#if !mjColor?has_content><#assign mjColor = mjNormColor(properties.mingjingDefaultColor!"")></#if>
<#if !mjColor?has_content><#assign mjColor = "#b03a2e"></#if>
<#-- Text on the colour: white if it reaches 4.5:1, else black (one of the two always does). -->
<#assign mjDark = (mjLuminance(mjColor) <= 0.179)>
<#assign mjOnColor = mjDark?then("#ffffff", "#000000")>
<#-- Links/outlined buttons sit on white: use the colour only if it is dark enough. -->
<#assign mjLink = mjDark?then(mjColor, "#1a1a1a")>
<#assign mjPlatform = mjAttr("mingjing.platformName")>
<#assign mjMotto = mjAttr("mingjing.motto")>
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!}" lang="${lang}"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>

<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <meta name="theme-color" content="${mjColor}">
    <#if properties.meta?has_content>
        <#list properties.meta?split(' ') as meta>
            <meta name="${meta?split('==')[0]}" content="${meta?split('==')[1]}"/>
        </#list>
    </#if>
    <title>${title!}</title>
    <#if themeResources?? && themeResources.favicons?has_content>
        <@themeResourceTags.renderFavicons themeResources.favicons url.resourcesPath />
    <#else>
        <link rel="icon" href="data:,">
    </#if>
    <#if themeResources?? && themeResources.stylesCommon?has_content>
        <@themeResourceTags.renderStyles themeResources.stylesCommon url.resourcesCommonPath />
    <#elseif properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <#if themeResources?? && themeResources.styles?has_content>
        <@themeResourceTags.renderStyles themeResources.styles url.resourcesPath />
    <#elseif properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <style>:root{--mj-c:${mjColor};--mj-on:${mjOnColor};--mj-link:${mjLink}}</style>
    <script type="importmap">
        {
            "imports": {
                "rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js"
            }
        }
    </script>
    <#if themeResources?? && themeResources.scripts?has_content>
        <@themeResourceTags.renderScripts themeResources.scripts url.resourcesPath "text/javascript" />
    <#elseif properties.scripts?has_content>
        <#list properties.scripts?split(' ') as script>
            <script src="${url.resourcesPath}/${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};

        startSessionPolling(
            ${url.ssoLoginInOtherTabsUrl?c}
        );
        </#outputformat>
    </script>
    <script type="module">
        document.addEventListener("click", (event) => {
            const link = event.target.closest("a[data-once-link]");

            if (!link) {
                return;
            }

            if (link.getAttribute("aria-disabled") === "true") {
                event.preventDefault();
                return;
            }

            const { disabledClass } = link.dataset;

            if (disabledClass) {
                link.classList.add(...disabledClass.trim().split(/\s+/));
            }

            link.setAttribute("role", "link");
            link.setAttribute("aria-disabled", "true");
        });
    </script>
    <#if authenticationSession??>
        <script type="module">
             <#outputformat "JavaScript">
            import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};

            checkAuthSession(
                ${authenticationSession.authSessionIdHash?c}
            );
            </#outputformat>
        </script>
    </#if>
</head>

<body class="mj ${properties.kcBodyClass!} ${bodyClass}" data-page-id="login-${pageId}">
<header id="kc-header" class="mj-band">
  <div class="mj-wrap">
    <div class="mj-band__top">
      <#if mjPlatform?has_content>
        <p class="mj-platform">${mjPlatform}</p>
      </#if>
      <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <nav id="kc-locale" class="mj-lang" aria-label="${msg("mjLanguages")}">
          <#list locale.supported as l>
            <a href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}"<#if l.languageTag == locale.currentLanguageTag> aria-current="true"</#if>>${l.label}</a>
          </#list>
        </nav>
      </#if>
    </div>
    <p id="kc-header-wrapper" class="mj-county">${realm.displayName!realm.name}</p>
    <#if mjMotto?has_content>
      <p class="mj-motto">${mjMotto}</p>
    </#if>
  </div>
</header>

<main class="mj-card mj-wrap">
  <h1 id="kc-page-title"><#nested "header"></h1>

  <#if displayRequiredFields>
    <p class="mj-required"><span class="${properties.kcInputRequiredClass!}" aria-hidden="true">*</span> ${msg("requiredFields")}</p>
  </#if>
  <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
    <div class="${properties.kcFormClass} ${properties.kcContentWrapperClass}">
      <#nested "show-username">
      <@username />
    </div>
  </#if>

  <#-- App-initiated actions should not see warning messages about the need to complete the action during login. -->
  <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
    <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}" role="<#if message.type = 'error'>alert<#else>status</#if>">
      <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${message.summary}</span>
    </div>
  </#if>

  <#if pageId == "login">
    <p id="mj-phone-hint" class="mj-hint">${msg("mjPhoneHint")}</p>
  </#if>
  <#nested "form">
  <#-- a villager has no e-mail: a forgotten password is set again with a new activation code from the village -->
  <#assign mjPortal = (client.baseUrl)!"">
  <#if pageId == "login" && mjPortal?has_content>
    <p class="mj-links"><a id="mj-forgot" href="${mjPortal}activate">${msg("mjForgot")}</a></p>
    <p class="mj-links"><a id="mj-back" href="${mjPortal}">${msg("mjBack")}</a></p>
  </#if>

  <#if auth?has_content && auth.showTryAnotherWayLink()>
    <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
      <input type="hidden" name="tryAnotherWay" value="on"/>
      <button id="try-another-way" type="submit"
          class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">
        ${msg("doTryAnotherWay")}
      </button>
    </form>
  </#if>

  <#if switchOrganizationEnabled?? && switchOrganizationEnabled>
    <form id="kc-switch-organization-form" action="${url.loginAction}" method="post" novalidate="novalidate">
      <input type="hidden" name="switchOrganization" value="true"/>
      <button id="switch-organization" type="submit"
          class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">
        ${msg("doSwitchOrganization")}
      </button>
    </form>
  </#if>

  <div class="${properties.kcLoginMainFooter!}">
    <#nested "socialProviders">

    <#if displayInfo>
      <div id="kc-info" class="${properties.kcLoginMainFooterBand!} ${properties.kcFormClass}">
        <div id="kc-info-wrapper" class="${properties.kcLoginMainFooterBandItem!}">
          <#nested "info">
        </div>
      </div>
    </#if>
  </div>

  <div class="${properties.kcLoginMainFooter!}">
    <@loginFooter.content/>
  </div>
</main>
</body>
</html>
</#macro>
