package io.mingjing.plugins.market;

import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.Job;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.Module;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.RoleUse;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Route;
import io.mingjing.sdk.Setting;
import java.util.List;
import org.pf4j.Extension;

/** 农村集市: residents post what they sell or seek; cadres moderate; listings expire. */
@Extension
public class MarketModule implements Module {

    static final String ID = "market";
    static final String VERSION = "1.0.0";

    @Override
    public ModuleManifest manifest() {
        Listings listings = new Listings();
        Moderation moderation = new Moderation();
        Photos photos = new Photos();
        MarketPages pages = new MarketPages(listings);
        return ModuleManifest.of(ID, VERSION, new Names("农村集市", "Rural market"),
                "村民发布农产品供应与求购信息，村干部审核，到期自动下架。",
                Setting.textList("categories", List.of("蔬菜", "水果", "粮油", "畜禽", "水产", "农资", "其他")),
                Setting.number("expiryDays", 30, 1, 180),
                Setting.flag("moderation", true),
                new Changelog("db/market.xml"),
                new RoleUse(Roles.VILLAGER, "发布供求信息、查看联系方式"),
                new RoleUse(Roles.CADRE, "审核供求信息"),
                new MenuEntry(new Names("农村集市", "Market"), "/", Roles.ANYONE),
                Route.get("/categories", Roles.ANYONE, listings::categories),
                Route.get("/listings", Roles.ANYONE, listings::list),
                Route.get("/listings/{id}", Roles.ANYONE, listings::one),
                Route.post("/listings", Roles.LOGGED_IN, listings::create),
                Route.post("/listings/{id}/close", Roles.LOGGED_IN, listings::close),
                Route.get("/moderation", Roles.CADRE, moderation::queue),
                Route.post("/listings/{id}/moderation", Roles.CADRE, moderation::decide),
                Route.post("/listings/{id}/photos", Roles.LOGGED_IN, photos::upload),
                Route.get("/listings/{id}/photos/{photo}", Roles.ANYONE, photos::download),
                Route.page("/", Roles.ANYONE, pages::index),
                Route.page("/listings/{id}", Roles.ANYONE, pages::detail),
                Route.page("/post", Roles.LOGGED_IN, pages::postForm),
                Route.form("/post", Roles.LOGGED_IN, pages::post),
                Job.cron("expire", "0 0 * * * ?", listings::expire));
    }
}
