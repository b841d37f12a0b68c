FROM ruby:3.3-slim
RUN gem install bundler:2.5.10 'rails:~> 7.1.0' rake:13.2.1
RUN gem install bundler -v 2.5.10 && gem install rails --version '~> 7.1' && gem install rake --version=13.2.1
RUN gem install --no-document -v2.5.10 bundler
RUN gem install fpm-1.15.1.gem ./vendor/local.gem C:\rubygems-update.gem
RUN gem install -g Gemfile && gem install --file Gemfile.ci
RUN gem install "$GEM_NAME" ${GEMS}
RUN gem install mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config
RUN gem update --system && gem list && gem uninstall rails && echo gem install rails
RUN ["gem", "install", "exec-form-is-not-judged"]
